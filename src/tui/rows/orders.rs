//! The orders a person cycles each list through (`S`), and how a pane title names them.

/// The order the Timeline's announcements are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimelineSort {
    #[default]
    OldestFirst,
    NewestFirst,
    /// Best match first (as `search` ranks); date order without a filter.
    BestMatch,
}

/// The order Institutions are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InstitutionSort {
    #[default]
    Name,
    /// Country code, then name.
    Country,
    /// Most announcements first, then name.
    Announcements,
    /// Best match first (as `search` ranks); name order without a filter.
    BestMatch,
}

impl TimelineSort {
    pub(crate) fn next(self) -> Self {
        match self {
            TimelineSort::OldestFirst => TimelineSort::NewestFirst,
            TimelineSort::NewestFirst => TimelineSort::BestMatch,
            TimelineSort::BestMatch => TimelineSort::OldestFirst,
        }
    }

    /// How a pane title says it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            TimelineSort::OldestFirst => "oldest first",
            TimelineSort::NewestFirst => "newest first",
            TimelineSort::BestMatch => "best match",
        }
    }
}

impl InstitutionSort {
    pub(crate) fn next(self) -> Self {
        match self {
            InstitutionSort::Name => InstitutionSort::Country,
            InstitutionSort::Country => InstitutionSort::Announcements,
            InstitutionSort::Announcements => InstitutionSort::BestMatch,
            InstitutionSort::BestMatch => InstitutionSort::Name,
        }
    }

    /// How a pane title says it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            InstitutionSort::Name => "by name",
            InstitutionSort::Country => "by country",
            InstitutionSort::Announcements => "by announcements",
            InstitutionSort::BestMatch => "best match",
        }
    }
}

/// Each list's order, as `S` cycles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListOrders {
    pub timeline: TimelineSort,
    pub institutions: InstitutionSort,
}
