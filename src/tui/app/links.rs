//! Details' links (kept in an [`details::Outline`]) and what acts on the selected one or
//! the selected row: copying, exporting, opening.

use super::*;

impl App {
    /// What Details shows at the app's state.
    pub(super) fn shown(&self) -> details::Shown<'_> {
        details::Shown {
            dataset: &self.dataset,
            theme: &self.theme,
            record: self.details.record,
            via: self
                .details
                .record
                .and_then(|record| self.related_row(record)),
            selected_link: (self.focus == Pane::Details).then_some(self.details.link),
            filter: (!self.query.is_empty()).then(|| (self.index.matcher(), &self.query)),
        }
    }

    /// Details' content for the record shown, wrapped to `width` cells.
    pub fn details_content(&self, width: u16) -> details::Content {
        details::content(&self.shown(), width)
    }

    /// Brings Details' outline up to date with the record shown and Details' width.
    pub(super) fn sync_outline(&mut self) {
        let width = layout::layout(self.width, self.height)
            .details
            .width
            .saturating_sub(2);
        let mut outline = std::mem::take(&mut self.outline);
        outline.update(&self.shown(), width);
        self.outline = outline;
    }

    pub(super) fn outline(&mut self) -> &details::Outline {
        self.sync_outline();
        &self.outline
    }

    /// The links in view in Details with their labels, for link hints.
    pub fn hint_targets(&self) -> Vec<crate::tui::hints::Hint> {
        let height = layout::layout(self.width, self.height)
            .details
            .height
            .saturating_sub(2) as usize;
        crate::tui::hints::targets(
            &self.outline.links,
            self.details.record,
            self.details.scroll,
            height,
        )
    }

    /// The link or fact selected in Details, when Details has the focus and no overlay.
    pub(super) fn selected_link(&self) -> Option<details::LinkSpot> {
        if self.focus != Pane::Details || !self.overlays.is_empty() {
            return None;
        }
        self.outline.links.get(self.details.link).copied()
    }

    /// The web address selected in Details, if the selected line is one.
    pub(super) fn selected_url(&self) -> Option<String> {
        let link = self.selected_link()?;
        let (_, url) = details::urls_of(&self.dataset, link.target)
            .get(link.url?)
            .copied()?;
        Some(url.to_owned())
    }

    pub(super) fn copy_target(&self) -> Option<Record> {
        // A press contact selected in a release's or institution's Details is what `y`
        // and `e` act on, as a row selected in a list is.
        if let Some(link) = self.selected_link()
            && matches!(link.target, Record::Contact(_))
        {
            return Some(link.target);
        }
        match self.overlays.last() {
            Some(&Overlay::Cards(cards)) => self
                .cards(cards)
                .selected()
                .map(|index| cards.record(index)),
            _ => self.details.record,
        }
    }

    /// `e`: the selected contact's vCard, to a file.
    pub(super) fn export_contact(&mut self) {
        let Some(Record::Contact(contact)) = self.copy_target() else {
            self.status = Some(format!(
                "select a press contact to export ({} opens Contacts)",
                self.keymap.label_of(Action::Contacts)
            ));
            return;
        };
        self.effect = Some(Effect::Export {
            stem: self.dataset.contacts[contact].id.to_string(),
            extension: "vcf",
            contents: crate::output::vcard::contact_card(&self.dataset, contact),
            what: format!("vCard of {}", self.dataset.contacts[contact].name),
        });
    }

    /// `o`: the selected record's first web link. Only `http` and `https` links are opened.
    pub(super) fn open_link(&mut self) {
        let selected: Option<Vec<String>> = self.selected_url().map(|url| vec![url]);
        let links: Vec<String> = match self.copy_target() {
            _ if selected.is_some() => selected.unwrap_or_default(),
            Some(Record::Announcement(index)) => self.dataset.announcements[index]
                .links
                .iter()
                .map(|link| link.url.to_string())
                .collect(),
            Some(Record::Institution(index)) => self.dataset.institutions[index]
                .website
                .iter()
                .map(|url| url.to_string())
                .collect(),
            _ => Vec::new(),
        };
        match links.iter().find(|url| crate::tui::copy::is_web_link(url)) {
            Some(url) => self.effect = Some(Effect::Open { url: url.clone() }),
            None if links.is_empty() => self.status = Some("no link to open here".to_owned()),
            None => {
                self.status =
                    Some("only http and https links are opened; this one is not".to_owned())
            }
        }
    }

    pub(super) fn open_copy_menu(&mut self) {
        let Some(record) = self.copy_target() else {
            self.status = Some("nothing selected to copy".to_owned());
            return;
        };
        let items = match self.selected_url() {
            Some(url) => crate::tui::copy::with_link_first(&self.dataset, record, &url),
            None => copy_items(&self.dataset, record),
        };
        if items.is_empty() {
            self.status = Some("nothing to copy here".to_owned());
            return;
        }
        self.overlays.push(Overlay::Copy { items });
    }

    pub(super) fn copy(&mut self, key: char) {
        let Some(Overlay::Copy { items }) = self.overlays.last() else {
            return;
        };
        let Some(item) = items.iter().find(|item| item.key == key) else {
            self.status = Some(format!("no copy choice `{key}`"));
            return;
        };
        let mut message = format!("sent to terminal clipboard: {}", item.label);
        if self.under_tmux && !self.copied_before {
            message.push_str(" (tmux passes it on only with `set -g set-clipboard on`)");
        }
        self.copied_before = true;
        self.status = Some(message);
        self.clipboard = Some(item.text.clone());
        self.close_overlay();
    }
}
