//! Moving: the cursors, pages, the mouse, following links and the trail back and forth.

use super::*;

impl App {
    /// Rows a page moves: the focused pane's inner height.
    pub(super) fn page(&self) -> usize {
        let layout = layout::layout(self.width, self.height);
        let area = match (self.overlays.last(), self.focus) {
            _ if self.hinting().is_some() => layout.details,
            (Some(Overlay::Cards(_)), _) => layout.overlay,
            (Some(Overlay::Help { .. } | Overlay::Source(_)), _) => layout.overlay,
            (_, Pane::Timeline) => layout.timeline,
            (_, Pane::Institutions) => layout.institutions,
            (_, Pane::Details) => layout.details,
        };
        area.height.saturating_sub(2).max(1) as usize
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        if self.hinting().is_some() {
            // While links wear labels, paging scrolls Details to bring others into view.
            self.scroll_details(delta);
            return;
        }
        match self.overlays.last_mut() {
            Some(Overlay::Help { .. }) => {
                let last = crate::tui::help::last_scroll(
                    &self.keymap,
                    &self.theme,
                    &self.filter,
                    self.page(),
                );
                if let Some(Overlay::Help { scroll, .. }) = self.overlays.last_mut() {
                    *scroll = (*scroll as isize + delta).clamp(0, last as isize) as usize;
                }
                return;
            }
            Some(&mut Overlay::Cards(cards)) => {
                let per_page = self.page() / self.card_lines(cards);
                let picker = self.cards_mut(cards);
                picker.move_by(delta);
                picker.keep_visible(per_page);
                return;
            }
            Some(Overlay::Copy { .. }) => return,
            Some(Overlay::Source(_)) => {
                let area = layout::layout(self.width, self.height).overlay;
                let dataset = Arc::clone(&self.dataset);
                if let Some(Overlay::Source(source)) = self.overlays.last_mut()
                    && let Some(text) = dataset.provenance().text(source.announcement)
                {
                    source.scroll_by(delta, text, area);
                }
                return;
            }
            None => {}
        }
        match self.focus {
            Pane::Timeline => {
                let page = self.page();
                self.timeline.move_by(delta);
                self.timeline.keep_visible(page);
                self.show_selection();
            }
            Pane::Institutions => {
                let page = self.page();
                self.institutions.move_by(delta);
                self.institutions.keep_visible(page);
                self.show_selection();
            }
            Pane::Details => self.move_in_details(delta),
        }
    }

    pub(super) fn scroll_details(&mut self, delta: isize) {
        let layout = layout::layout(self.width, self.height);
        let outline = self.outline().clone();
        let height = layout.details.height.saturating_sub(2).max(1) as usize;
        let last = outline.lines.saturating_sub(height);
        self.details.scroll =
            (self.details.scroll as isize + delta).clamp(0, last as isize) as usize;
    }

    pub(super) fn move_in_details(&mut self, delta: isize) {
        let layout = layout::layout(self.width, self.height);
        let outline = self.outline().clone();
        let height = layout.details.height.saturating_sub(2).max(1) as usize;
        if outline.links.is_empty() || delta.unsigned_abs() > 1 {
            let last = outline.lines.saturating_sub(height);
            self.details.scroll =
                (self.details.scroll as isize + delta).clamp(0, last as isize) as usize;
            return;
        }
        let last = outline.links.len() - 1;
        self.details.link = (self.details.link as isize + delta).clamp(0, last as isize) as usize;
        let line = outline.links[self.details.link].line;
        if line < self.details.scroll {
            self.details.scroll = line;
        } else if line >= self.details.scroll + height {
            self.details.scroll = line + 1 - height;
        }
    }

    /// Moving the focus changes neither Details nor the narrowing: only moving a list's
    /// cursor (or Enter on it) does, so passing through a pane never replaces what you read.
    pub(super) fn focus_pane(&mut self, pane: Pane) {
        self.focus = pane;
    }

    /// Enter: in Details, follow the selected link; in a list, open the row in Details;
    /// in Contacts, show the contact.
    pub(super) fn open(&mut self) {
        if let Some(&Overlay::Cards(cards)) = self.overlays.last() {
            if let Some(index) = self.cards(cards).selected() {
                self.close_overlay();
                self.follow(cards.record(index));
            }
            return;
        }
        match self.focus {
            Pane::Details => {
                let outline = self.outline().clone();
                if let Some(link) = outline.links.get(self.details.link) {
                    self.activate(*link);
                }
            }
            _ => {
                self.show_selection();
                if self.details.record.is_some() {
                    self.focus = Pane::Details;
                }
            }
        }
    }

    /// Enter or a click on a line of Details: follow its link; a fact that leads nowhere
    /// but the record shown opens its passage instead.
    pub(super) fn activate(&mut self, link: details::LinkSpot) {
        if link.url.is_some() {
            self.open_link();
        } else if link.passage.is_some() && Some(link.target) == self.details.record {
            self.open_source();
        } else {
            self.follow(link.target);
        }
    }

    /// Goes to a record and records the step, so `[` can come back. The focus goes to
    /// Details, where the linked record is read, as a browser keeps you on the page.
    pub(super) fn follow(&mut self, record: Record) {
        if self.details.record.is_some() {
            let here = self.place();
            if self.trail.is_empty() {
                self.trail.push(here);
                self.trail_position = 0;
            } else {
                self.trail[self.trail_position] = here;
            }
            self.trail.truncate(self.trail_position + 1);
        }
        self.show(record);
        self.focus = Pane::Details;
        self.trail.push(self.place());
        self.trail_position = self.trail.len() - 1;
    }

    pub(super) fn travel(&mut self, step: isize) {
        let target = self.trail_position as isize + step;
        if target < 0 || target as usize >= self.trail.len() {
            self.status = Some(
                if step < 0 {
                    "no earlier step"
                } else {
                    "no later step"
                }
                .to_owned(),
            );
            return;
        }
        self.trail[self.trail_position] = self.place();
        self.trail_position = target as usize;
        self.restore(self.trail[self.trail_position].clone());
    }

    /// Puts the main screen back as `place` had it.
    pub(super) fn restore(&mut self, place: Place) {
        if place.filter != self.filter {
            self.filter = place.filter;
            self.apply_filter();
        }
        if place.narrowed != self.narrowed {
            self.narrowed = place.narrowed;
            let timeline = rows::timeline(&self.list_inputs());
            self.set_timeline(timeline);
        }
        self.timeline.set_cursor_within(place.timeline_cursor);
        self.institutions
            .set_cursor_within(place.institutions_cursor);
        self.details = place.details;
        self.focus = place.focus;
    }

    /// Shows a record in Details and selects it where it is listed (an institution also
    /// narrows the Timeline), leaving the focus where it is. A filter that hides it is
    /// cleared, and the status line says so.
    pub(super) fn show(&mut self, record: Record) {
        let listed = match record {
            Record::Institution(institution) => self.institutions.position(institution).is_some(),
            Record::Announcement(_) | Record::Event(..) => {
                rows::timeline_without_narrowing(&self.list_inputs())
                    .iter()
                    .any(|row| row.record() == record)
            }
            Record::Person(_) | Record::Contact(_) => true,
        };
        if !listed && !self.filter.is_empty() {
            self.filter.clear();
            self.query = parse("");
            self.refresh_rows();
            self.status = Some("filter cleared to show the link's target".to_owned());
        }
        match record {
            Record::Institution(institution) => {
                if self.institutions.select(institution) {
                    let page = self.page();
                    self.institutions.keep_visible(page);
                }
                self.set_narrowing(Some(institution));
            }
            Record::Announcement(_) | Record::Event(..) => {
                if !self
                    .timeline
                    .rows()
                    .iter()
                    .any(|row| row.record() == record)
                    && self.narrowed.is_some()
                {
                    self.set_narrowing(None);
                }
                if let Some(row) = self
                    .timeline
                    .rows()
                    .iter()
                    .position(|row| row.record() == record)
                {
                    let page = self.page();
                    self.timeline.select_index(row);
                    self.timeline.keep_visible(page);
                }
            }
            Record::Person(_) | Record::Contact(_) => {}
        }
        self.set_details(Some(record));
    }

    /// A mouse click at a cell: focus the pane, select the row, follow a link in Details.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        // A click chooses for itself: link labels are no longer wanted.
        self.stop_hints();
        if !self.overlays.is_empty() {
            return;
        }
        let layout = layout::layout(self.width, self.height);
        let inside = |area: ratatui::layout::Rect| {
            column >= area.x
                && column < area.x + area.width
                && row > area.y
                && row + 1 < area.y + area.height
        };
        if inside(layout.timeline) {
            self.focus = Pane::Timeline;
            let index = self.timeline.cursor().offset + (row - layout.timeline.y - 1) as usize;
            self.timeline.select_index(index);
            self.show_selection();
        } else if inside(layout.institutions) {
            self.focus = Pane::Institutions;
            let index =
                self.institutions.cursor().offset + (row - layout.institutions.y - 1) as usize;
            self.institutions.select_index(index);
            self.show_selection();
        } else if inside(layout.details) {
            self.focus = Pane::Details;
            let line = self.details.scroll + (row - layout.details.y - 1) as usize;
            let outline = self.outline().clone();
            if let Some(position) = outline.links.iter().position(|link| link.line == line) {
                self.details.link = position;
                self.activate(outline.links[position]);
            }
        }
    }

    /// The mouse wheel over a pane scrolls that pane.
    pub(super) fn scroll_at(&mut self, column: u16, row: u16, delta: isize) {
        let layout = layout::layout(self.width, self.height);
        let inside = |area: ratatui::layout::Rect| {
            column >= area.x
                && column < area.x + area.width
                && row >= area.y
                && row < area.y + area.height
        };
        if !self.overlays.is_empty() {
            self.move_by(delta);
            return;
        }
        let pane = if inside(layout.timeline) {
            Pane::Timeline
        } else if inside(layout.institutions) {
            Pane::Institutions
        } else if inside(layout.details) {
            Pane::Details
        } else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        if pane == Pane::Details {
            let outline = self.outline().clone();
            let height = layout.details.height.saturating_sub(2) as usize;
            let last = outline.lines.saturating_sub(height);
            self.details.scroll =
                (self.details.scroll as isize + delta).clamp(0, last as isize) as usize;
        } else {
            self.move_by(delta);
        }
        self.focus = if pane == Pane::Details { focus } else { pane };
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        let layout = layout::layout(width, height);
        self.timeline
            .keep_visible(layout.timeline.height.saturating_sub(2) as usize);
        self.institutions
            .keep_visible(layout.institutions.height.saturating_sub(2) as usize);
    }
}
