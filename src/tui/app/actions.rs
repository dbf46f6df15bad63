//! The actions of the keymap: [`App::apply`] and what only it calls (overlays, the filter
//! line, link hints, the release view).

use super::*;

impl App {
    /// A paste goes into the filter as typed text, its line breaks and other control
    /// characters as spaces: a pasted line break does not accept the filter, and a pasted
    /// Esc does not clear it.
    pub(super) fn paste(&mut self, text: &str) {
        if self.context() != Context::Filter {
            self.status = Some(format!(
                "a paste goes into the filter: press {} first",
                self.keymap.label_of(Action::StartFilter)
            ));
            return;
        }
        for character in text.chars() {
            let character = if character.is_control() {
                ' '
            } else {
                character
            };
            self.apply(Action::FilterInput(character));
        }
    }

    pub(super) fn apply(&mut self, action: Action) {
        if !matches!(action, Action::FilterInput(_) | Action::FilterBackspace) {
            self.status = None;
        }
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::HalfPageUp => self.move_by(-(self.page() as isize / 2).max(1)),
            Action::HalfPageDown => self.move_by((self.page() as isize / 2).max(1)),
            Action::NextPane => self.focus_pane(self.focus.next(1)),
            Action::PreviousPane => self.focus_pane(self.focus.next(-1)),
            Action::FocusTimeline => self.focus_pane(Pane::Timeline),
            Action::FocusInstitutions => self.focus_pane(Pane::Institutions),
            Action::FocusDetails => self.focus_pane(Pane::Details),
            Action::Open => self.open(),
            Action::Back => self.travel(-1),
            Action::Forward => self.travel(1),
            Action::StartFilter => self.mode = Mode::Filter,
            Action::FilterInput(character) => {
                self.filter.push(character);
                self.filter_pending = true;
            }
            Action::FilterBackspace => {
                self.filter.pop();
                self.filter_pending = true;
            }
            Action::FilterClearWord => {
                let kept = self
                    .filter
                    .trim_end()
                    .rfind(' ')
                    .map_or(0, |space| space + 1);
                self.filter.truncate(kept);
                self.filter_pending = true;
            }
            Action::FilterAccept => self.stop_filtering(),
            Action::FilterDown => self.move_by(1),
            Action::FilterUp => self.move_by(-1),
            Action::TakeSuggestion => {
                if let Some(suggestion) = self.suggestion.take() {
                    self.filter = suggestion.apply(&self.filter);
                    self.apply_filter();
                }
            }
            Action::CycleOrder => self.cycle_order(),
            Action::Contacts => self.open_cards(Cards::Contacts),
            Action::CopyMenu => self.open_copy_menu(),
            Action::Copy(key) => self.copy(key),
            Action::ToggleMouse => {
                self.mouse_captured = !self.mouse_captured;
                self.status = Some(if self.mouse_captured {
                    "mouse capture on: click and scroll in panes".to_owned()
                } else {
                    "mouse capture off: the terminal's own text selection works".to_owned()
                });
            }
            Action::Help => {
                let before = std::mem::take(&mut self.filter);
                self.query = parse("");
                self.suggestion = None;
                self.overlays.push(Overlay::Help { scroll: 0, before });
            }
            Action::Escape => self.escape(),
            Action::Quit => {
                if !self.close_overlay() {
                    self.mode = Mode::Quit;
                }
            }
            Action::ForceQuit => self.mode = Mode::Quit,
            // Carried out by the run loop, which owns the terminal.
            Action::Suspend => {}
            Action::ClearNarrowing => self.set_narrowing(None),
            Action::ToggleMap => {
                self.map = match self.map {
                    Some(_) => None,
                    None => Some(MapZoom::World),
                };
            }
            Action::ExportContact => self.export_contact(),
            Action::OpenLink => self.open_link(),
            Action::ToggleZoom => match self.map {
                Some(MapZoom::World) => self.map = Some(MapZoom::Europe),
                Some(MapZoom::Europe) => self.map = Some(MapZoom::World),
                None => {
                    self.status = Some(format!(
                        "{} zooms the map: press {} to show it",
                        self.keymap.label_of(Action::ToggleZoom),
                        self.keymap.label_of(Action::ToggleMap)
                    ))
                }
            },
            Action::People => self.open_cards(Cards::People),
            Action::ShowSource => self.open_source(),
            Action::NextPassage => self.step_passage(1),
            Action::PreviousPassage => self.step_passage(-1),
            Action::ScrollDown => self.move_by(1),
            Action::ScrollUp => self.move_by(-1),
            Action::LinkHints => self.start_hints(),
            Action::HintInput(character) => self.hint_typed(character),
        }
    }

    /// `s`: the release of the selected fact, scrolled to its passage; with no fact
    /// selected, the release of the record shown, at its top. The passages of the record
    /// shown in that release are highlighted, for `n` and `N`.
    pub(super) fn open_source(&mut self) {
        let layout = layout::layout(self.width, self.height);
        let outline = self.outline().clone();
        let selected = if self.focus == Pane::Details {
            outline
                .links
                .get(self.details.link)
                .and_then(|link| link.passage)
        } else {
            None
        };
        let own = match self.details.record {
            Some(Record::Announcement(index) | Record::Event(index, _)) => Some(index),
            _ => None,
        };
        let first = outline.links.iter().find_map(|link| link.passage);
        let Some(announcement) = selected
            .map(|spot| spot.announcement)
            .or(own)
            .or(first.map(|spot| spot.announcement))
        else {
            self.status = Some("no release to show for this record".to_owned());
            return;
        };
        let passages = self.dataset.provenance().passages(announcement);
        let range = |spot: details::PassageSpot| {
            passages
                .get(spot.index)
                .map(|passage| (passage.start, passage.end))
        };
        let mut ranges: Vec<(usize, usize)> = outline
            .links
            .iter()
            .filter_map(|link| link.passage)
            .filter(|spot| spot.announcement == announcement)
            .filter_map(range)
            .collect();
        ranges.sort_unstable();
        ranges.dedup();
        let current = selected
            .and_then(range)
            .and_then(|wanted| ranges.iter().position(|found| *found == wanted));
        let mut view = SourceView {
            announcement,
            passages: ranges,
            current,
            scroll: 0,
        };
        if let Some(text) = self.dataset.provenance().text(announcement) {
            view.scroll_to_current(text, layout.overlay);
        }
        self.overlays.push(Overlay::Source(view));
    }

    /// `n` / `N` in the release.
    pub(super) fn step_passage(&mut self, step: isize) {
        let area = layout::layout(self.width, self.height).overlay;
        let dataset = Arc::clone(&self.dataset);
        if let Some(Overlay::Source(source)) = self.overlays.last_mut() {
            source.step(step);
            if let Some(text) = dataset.provenance().text(source.announcement) {
                source.scroll_to_current(text, area);
            }
        }
    }

    /// Closes the topmost overlay; false when there was none. Leaving Contacts puts back
    /// the filter the main screen had, so Esc returns to where you were.
    pub(super) fn close_overlay(&mut self) -> bool {
        let Some(overlay) = self.overlays.pop() else {
            return false;
        };
        if let Overlay::Help { before, .. } = overlay {
            self.stop_filtering();
            self.filter = before;
            self.apply_filter();
            return true;
        }
        if matches!(overlay, Overlay::Cards(_))
            && let Some(filter) = self.filter_before_overlay.take()
            && filter != self.filter
        {
            self.filter = filter;
            self.apply_filter();
        }
        true
    }

    /// Contacts or People, their cursor on the first card.
    pub(super) fn open_cards(&mut self, cards: Cards) {
        self.overlays.push(Overlay::Cards(cards));
        self.filter_before_overlay = Some(self.filter.clone());
        self.cards_mut(cards).set_cursor(ListCursor::default());
    }

    pub(in crate::tui) fn cards(&self, cards: Cards) -> &Picker<usize> {
        match cards {
            Cards::Contacts => &self.contacts,
            Cards::People => &self.people,
        }
    }

    pub(super) fn cards_mut(&mut self, cards: Cards) -> &mut Picker<usize> {
        match cards {
            Cards::Contacts => &mut self.contacts,
            Cards::People => &mut self.people,
        }
    }

    /// Lines each card of `cards` takes: for Contacts, the most any listed contact's
    /// fields wrap to at the app's size, so cards keep one height for paging.
    pub(in crate::tui) fn card_lines(&self, cards: Cards) -> usize {
        match cards {
            Cards::Contacts => {
                let inner_width = layout::layout(self.width, self.height)
                    .overlay
                    .width
                    .saturating_sub(2) as usize;
                crate::tui::card_text::contact_lines(
                    &self.dataset,
                    &self.theme,
                    self.contacts.rows(),
                    inner_width,
                )
            }
            Cards::People => layout::PERSON_LINES,
        }
    }

    pub(super) fn stop_filtering(&mut self) {
        if self.mode == Mode::Filter {
            self.mode = Mode::Browse;
        }
    }

    /// Ends link hints; false when they were not shown.
    pub(super) fn stop_hints(&mut self) -> bool {
        let hinting = matches!(self.mode, Mode::Hints(_));
        if hinting {
            self.mode = Mode::Browse;
        }
        hinting
    }

    pub(super) fn escape(&mut self) {
        if self.stop_hints() {
        } else if self.mode == Mode::Filter {
            self.mode = Mode::Browse;
            self.filter.clear();
            self.apply_filter();
        } else if self.close_overlay() {
        } else if !self.filter.is_empty() {
            self.filter.clear();
            self.apply_filter();
        } else if self.narrowed.is_some() {
            self.set_narrowing(None);
        }
    }

    /// `S`: the focused list's next order, keeping its selected row.
    pub(super) fn cycle_order(&mut self) {
        match self.focus {
            Pane::Timeline => self.orders.timeline = self.orders.timeline.next(),
            Pane::Institutions => self.orders.institutions = self.orders.institutions.next(),
            Pane::Details => {
                self.status = Some("S orders the Timeline or Institutions: focus one".to_owned());
                return;
            }
        }
        self.refresh_rows();
    }

    /// `f`: label the links Details shows, so typing a label follows it.
    pub(super) fn start_hints(&mut self) {
        if self.map.is_some() {
            self.status = Some(format!(
                "{} labels the links of Details: hide the map ({}) first",
                self.keymap.label_of(Action::LinkHints),
                self.keymap.label_of(Action::ToggleMap)
            ));
            return;
        }
        // With no link in view, the status line says how to scroll one into view.
        self.mode = Mode::Hints(String::new());
    }

    /// A letter typed while links wear labels: a whole label follows its link; a letter
    /// no label goes on with ends the hints and says so.
    pub(super) fn hint_typed(&mut self, character: char) {
        let Mode::Hints(typed) = &self.mode else {
            return;
        };
        let mut typed = typed.clone();
        self.mode = Mode::Browse;
        typed.push(character);
        let targets = self.hint_targets();
        if let Some(link) = targets
            .iter()
            .find(|hint| hint.label == typed)
            .map(|hint| hint.link)
        {
            let outline = self.outline().clone();
            if let Some(spot) = outline.links.get(link).copied() {
                self.details.link = link;
                self.activate(spot);
            }
        } else if targets.iter().any(|hint| hint.label.starts_with(&typed)) {
            self.mode = Mode::Hints(typed);
        } else {
            self.status = Some(format!("no link labelled `{typed}`"));
        }
    }
}
