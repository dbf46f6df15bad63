//! A list and its cursor, as the Timeline, Institutions, Contacts and People each have one
//! (television's `Picker` and ratatui's `ListState` are the models): the rows, the
//! selected one, the first shown, moving, keeping the selection in view, and finding the
//! selection again when the rows change.

/// A list's selected row and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub(crate) offset: usize,
}

impl ListCursor {
    /// Scrolls so the selected row is among the `height` rows shown.
    pub(crate) fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker<T> {
    rows: Vec<T>,
    cursor: ListCursor,
}

impl<T> Default for Picker<T> {
    fn default() -> Self {
        Picker {
            rows: Vec::new(),
            cursor: ListCursor::default(),
        }
    }
}

impl<T: Copy + PartialEq> Picker<T> {
    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn cursor(&self) -> ListCursor {
        self.cursor
    }

    /// The selected row, if the list has any.
    pub(crate) fn selected(&self) -> Option<T> {
        self.rows.get(self.cursor.selected).copied()
    }

    /// Moves the selection by `delta` rows, stopping at either end.
    pub(super) fn move_by(&mut self, delta: isize) {
        let len = self.rows.len();
        self.cursor.selected = if len == 0 {
            0
        } else {
            (self.cursor.selected as isize + delta).clamp(0, len as isize - 1) as usize
        };
    }

    pub(super) fn keep_visible(&mut self, height: usize) {
        self.cursor.keep_visible(height);
    }

    /// Selects the row at `index`, when there is one.
    pub(super) fn select_index(&mut self, index: usize) {
        if index < self.rows.len() {
            self.cursor.selected = index;
        }
    }

    /// Selects `row` where it is listed; false when it is not.
    pub(super) fn select(&mut self, row: T) -> bool {
        match self.position(row) {
            Some(index) => {
                self.cursor.selected = index;
                true
            }
            None => false,
        }
    }

    pub(super) fn position(&self, row: T) -> Option<usize> {
        self.rows.iter().position(|listed| *listed == row)
    }

    pub(super) fn set_cursor(&mut self, cursor: ListCursor) {
        self.cursor = cursor;
    }

    /// `cursor`, within the rows listed: a place saved over other rows.
    pub(super) fn set_cursor_within(&mut self, cursor: ListCursor) {
        let last = self.rows.len().saturating_sub(1);
        self.cursor = ListCursor {
            selected: cursor.selected.min(last),
            offset: cursor.offset.min(last),
        };
    }

    /// Lists `rows`, the selection on the first, or on `best` when given.
    pub(super) fn replace_at(&mut self, rows: Vec<T>, best: Option<usize>) {
        self.rows = rows;
        self.cursor = ListCursor {
            selected: best.unwrap_or(0),
            offset: 0,
        };
    }

    /// Lists `rows`, the selection staying on the row selected before when it is still
    /// listed, else going to the first.
    pub(super) fn replace_keeping(&mut self, rows: Vec<T>) {
        let keep = self.selected();
        self.rows = rows;
        let selected = keep.and_then(|keep| self.position(keep)).unwrap_or(0);
        self.cursor = ListCursor {
            selected,
            offset: 0,
        };
    }

    /// Lists `rows` and leaves the cursor as it is, for the caller to set.
    pub(super) fn set_rows(&mut self, rows: Vec<T>) {
        self.rows = rows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker(rows: &[u32]) -> Picker<u32> {
        let mut picker = Picker::default();
        picker.replace_at(rows.to_vec(), None);
        picker
    }

    #[test]
    fn moving_stops_at_either_end() {
        let mut list = picker(&[10, 20, 30]);
        list.move_by(5);
        assert_eq!(list.selected(), Some(30));
        list.move_by(-9);
        assert_eq!(list.selected(), Some(10));
        let mut empty = picker(&[]);
        empty.move_by(1);
        assert_eq!((empty.selected(), empty.cursor().selected), (None, 0));
    }

    #[test]
    fn the_selection_is_found_again_or_goes_to_the_first_row() {
        let mut list = picker(&[10, 20, 30]);
        list.move_by(2);
        list.replace_keeping(vec![30, 40]);
        assert_eq!(list.selected(), Some(30));
        list.replace_keeping(vec![50, 60]);
        assert_eq!(list.selected(), Some(50));
    }

    #[test]
    fn keeping_visible_scrolls_just_enough() {
        let mut list = picker(&[1, 2, 3, 4, 5, 6]);
        list.move_by(4);
        list.keep_visible(2);
        assert_eq!(
            list.cursor(),
            ListCursor {
                selected: 4,
                offset: 3
            }
        );
        list.move_by(-4);
        list.keep_visible(2);
        assert_eq!(list.cursor().offset, 0);
    }
}
