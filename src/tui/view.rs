//! Drawing: a pure function of the app's state. The layout is computed from the terminal
//! size alone, so `app` can use the same rectangles for paging and mouse hits.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout as RatatuiLayout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::fold::fold;

use super::app::{App, ListCursor, Overlay, Pane};
use super::details::{self, event_label};
use super::keymap::Action;
use super::rows::{InstitutionSort, TimelineRow, TimelineSort};
use super::theme::{MARK_SYMBOL, SELECTION_SYMBOL};
use crate::dataset::Record;

/// Below this size the panes cannot show anything useful.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;
/// The timeline chart's height: its marks, axis and year labels, and borders.
pub const CHART_HEIGHT: u16 = 5;
/// From this width the three panes stand side by side.
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The timeline chart above the Timeline, when there is room for both.
    pub chart: Option<Rect>,
    pub timeline: Rect,
    pub institutions: Rect,
    pub details: Rect,
    pub status: Rect,
    pub overlay: Rect,
    pub too_small: bool,
}

pub fn layout(width: u16, height: u16) -> Layout {
    let area = Rect::new(0, 0, width, height);
    let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
    let [main, status] = RatatuiLayout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(1), Constraint::Length(1)])
        .areas(area);
    // Wide: the two lists stacked in a left column over half the width, so a Timeline
    // title keeps 30 characters or more and the lists use the height they would leave
    // empty side by side; Details on the right. Narrower: the lists side by side over
    // Details, the Timeline taking two thirds for the same reason.
    let (chart, timeline, institutions, details) = if width >= WIDE {
        let [lists, details] = RatatuiLayout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(52), Constraint::Percentage(48)])
            .areas(main);
        let (chart, lists) = if lists.height >= CHART_HEIGHT + 20 {
            let [chart, lists] = RatatuiLayout::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Length(CHART_HEIGHT), Constraint::Min(1)])
                .areas(lists);
            (Some(chart), lists)
        } else {
            (None, lists)
        };
        let [timeline, institutions] = RatatuiLayout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
            .areas(lists);
        (chart, timeline, institutions, details)
    } else {
        let [top, details] = RatatuiLayout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(main);
        let [timeline, institutions] = RatatuiLayout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(66), Constraint::Percentage(34)])
            .areas(top);
        let (chart, timeline) = if timeline.height >= CHART_HEIGHT + 10 {
            let [chart, timeline] = RatatuiLayout::default()
                .direction(Direction::Vertical)
                .constraints([Constraint::Length(CHART_HEIGHT), Constraint::Min(1)])
                .areas(timeline);
            (Some(chart), timeline)
        } else {
            (None, timeline)
        };
        (chart, timeline, institutions, details)
    };
    let overlay = centered(main, 90, 85);
    Layout {
        chart,
        timeline,
        institutions,
        details,
        status,
        overlay,
        too_small,
    }
}

fn centered(area: Rect, width_percent: u16, height_percent: u16) -> Rect {
    // In u32: 90% of a width over 728 columns overflows u16.
    let width = (u32::from(area.width) * u32::from(width_percent) / 100) as u16;
    let height = (u32::from(area.height) * u32::from(height_percent) / 100) as u16;
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let layout = layout(area.width, area.height);
    if layout.too_small {
        let message = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
        frame.render_widget(
            Paragraph::new(message).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    if let Some(chart) = layout.chart {
        super::chart::draw(&app.chart_view(), frame, chart);
    }
    draw_timeline(app, frame, layout.timeline);
    draw_institutions(app, frame, layout.institutions);
    match app.map {
        Some(zoom) => {
            super::map::draw(app, frame, layout.details, zoom, app.focus == Pane::Details)
        }
        None => draw_details(app, frame, layout.details),
    }
    draw_status(app, frame, layout.status);
    super::errors_panel::draw(app, frame);
    for overlay in &app.overlays {
        match overlay {
            Overlay::Help { scroll, .. } => draw_help(app, frame, layout.overlay, *scroll),
            Overlay::Contacts => draw_contacts(app, frame, layout.overlay),
            Overlay::People => draw_people(app, frame, layout.overlay),
            Overlay::Source(source) => super::source_view::draw(app, source, frame, layout.overlay),
            Overlay::Copy { items } => {
                let lines: Vec<Line> = items
                    .iter()
                    .map(|item| {
                        Line::from(vec![
                            Span::styled(format!(" {} ", item.key), app.theme.key),
                            Span::raw(crate::sanitize::sanitize(&item.label).into_owned()),
                        ])
                    })
                    .collect();
                let width = (lines.iter().map(Line::width).max().unwrap_or(10) as u16 + 4)
                    .min(layout.overlay.width);
                let height = (lines.len() as u16 + 2).min(layout.overlay.height);
                let box_area = Rect::new(
                    layout.overlay.x + (layout.overlay.width - width) / 2,
                    layout.overlay.y + (layout.overlay.height - height) / 2,
                    width,
                    height,
                );
                frame.render_widget(Clear, box_area);
                frame.render_widget(
                    Paragraph::new(lines).block(block(
                        app,
                        &format!(
                            "Copy (key, {} to close)",
                            app.keymap.label_of(Action::Escape)
                        ),
                        true,
                    )),
                    box_area,
                );
            }
        }
    }
}

fn block<'a>(app: &App, title: &'a str, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, style))
}

/// One list row: selection symbol, mark, then the text with the matched characters styled.
fn row_line(app: &App, text: &str, selected: bool, marked: bool, width: usize) -> Line<'static> {
    let text = crate::sanitize::sanitize(text);
    let highlights = if app.query.is_empty() {
        Vec::new()
    } else {
        app.index.matcher().highlights(&app.query, &fold(&text))
    };
    let lead = if selected { SELECTION_SYMBOL } else { "  " };
    let mark = if marked { MARK_SYMBOL } else { " " };
    let mut spans = vec![Span::raw(lead), Span::styled(mark, app.theme.marked)];
    let budget = width.saturating_sub(lead.width() + 1);
    let shown = details::fit(&text, budget);
    let mut highlight = highlights.into_iter().peekable();
    for (position, character) in shown.chars().enumerate() {
        while highlight.peek().is_some_and(|&index| index < position) {
            highlight.next();
        }
        let style = if highlight.peek() == Some(&position) {
            app.theme.matched
        } else {
            Style::new()
        };
        spans.push(Span::styled(character.to_string(), style));
    }
    let mut line = Line::from(spans);
    if selected {
        line = line.patch_style(app.theme.selection);
        let used = line.width();
        if used < width {
            line.push_span(Span::styled(" ".repeat(width - used), app.theme.selection));
        }
    }
    line
}

/// `left` cut to leave room for `right`, which ends at `width` cells.
fn spread(left: &str, right: &str, width: usize) -> String {
    // Measured once made safe: a placeholder is wider than the character it stands for.
    let (left, right) = (
        crate::sanitize::sanitize(left),
        crate::sanitize::sanitize(right),
    );
    let room = width.saturating_sub(right.width() + 1);
    let left = details::fit(&left, room);
    let gap = width.saturating_sub(left.width() + right.width()).max(1);
    format!("{left}{}{right}", " ".repeat(gap))
}

/// A bordered list pane: the visible rows from the cursor's offset, the selected one
/// reversed, or a muted line when nothing matches. `row` gives a row's text and whether it
/// is marked, for the pane's inner width.
#[allow(clippy::too_many_arguments)]
fn draw_list<T>(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    focused: bool,
    rows: &[T],
    cursor: ListCursor,
    nothing: &str,
    row: impl Fn(&T, usize) -> (String, bool),
    dimmed: impl Fn(&T) -> bool,
) {
    let inner_width = area.width.saturating_sub(2) as usize;
    let height = area.height.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(height)
        .map(|(position, item)| {
            let (text, marked) = row(item, inner_width);
            let selected = position == cursor.selected;
            let line = row_line(app, &text, selected, marked, inner_width);
            // A row that only concerns a match is muted, unless selected.
            if dimmed(item) && !selected {
                line.patch_style(app.theme.muted)
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(format!("  {nothing}"), app.theme.muted));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(app, title, focused)),
        area,
    );
}

fn draw_timeline(app: &App, frame: &mut Frame, area: Rect) {
    let announcements = app.timeline_announcements();
    let title = match app.narrowed {
        Some(institution) => format!(
            "Timeline {announcements} of {}",
            crate::sanitize::sanitize(&app.dataset.institutions[institution].name)
        ),
        None => format!("Timeline {announcements}"),
    };
    // The default order (oldest first) goes without saying; another is named.
    let title = match app.orders.timeline {
        TimelineSort::OldestFirst => title,
        order => format!("{title} · {}", order.label()),
    };
    let row = |row: &TimelineRow, inner_width: usize| {
        let text = match *row {
            TimelineRow::Announcement(index) => {
                let announcement = &app.dataset.announcements[index];
                let partners = if inner_width >= 56 {
                    format!("{} partners", announcement.partners.len())
                } else {
                    format!("({})", announcement.partners.len())
                };
                spread(
                    &format!("{} {}", announcement.date, announcement.short_title),
                    &partners,
                    inner_width.saturating_sub(3),
                )
            }
            TimelineRow::Event(announcement, event) => {
                format!("  └ {}", event_label(&app.dataset, announcement, event))
            }
        };
        (text, false)
    };
    let focused = app.focus == Pane::Timeline;
    let nothing = "no announcement matches";
    draw_list(
        app,
        frame,
        area,
        &title,
        focused,
        &app.timeline,
        app.timeline_cursor,
        nothing,
        row,
        |row: &TimelineRow| app.related_row(row.record()).is_some(),
    );
}

fn draw_institutions(app: &App, frame: &mut Frame, area: Rect) {
    // The partners of the announcement selected in the Timeline are marked.
    let partners: Vec<&str> = match app.timeline.get(app.timeline_cursor.selected) {
        Some(TimelineRow::Announcement(index) | TimelineRow::Event(index, _))
            if app.focus != Pane::Institutions =>
        {
            app.dataset.announcements[*index]
                .partners
                .iter()
                .map(|partner| partner.institution.as_str())
                .collect()
        }
        _ => Vec::new(),
    };
    let title = format!("Institutions {}", app.institutions.len());
    let title = match app.orders.institutions {
        InstitutionSort::Name => title,
        order => format!("{title} · {}", order.label()),
    };
    let row = |&index: &usize, inner_width: usize| {
        let institution = &app.dataset.institutions[index];
        let count = app.dataset.announcements_of(index).len();
        let text = spread(
            &institution.name,
            &format!("{} {count:>2}", institution.country),
            inner_width.saturating_sub(3),
        );
        (text, partners.contains(&institution.id.as_str()))
    };
    let focused = app.focus == Pane::Institutions;
    let nothing = "no institution matches";
    draw_list(
        app,
        frame,
        area,
        &title,
        focused,
        &app.institutions,
        app.institutions_cursor,
        nothing,
        row,
        |&institution: &usize| app.related_row(Record::Institution(institution)).is_some(),
    );
}

fn draw_details(app: &App, frame: &mut Frame, area: Rect) {
    let content = details::content(app, area.width.saturating_sub(2));
    let height = area.height.saturating_sub(2) as usize;
    let lines: Vec<Line> = content
        .lines
        .into_iter()
        .skip(app.details.scroll)
        .take(height)
        .collect();
    let title = if content.links.is_empty() {
        "Details".to_owned()
    } else {
        format!("Details ({} links)", content.links.len())
    };
    let mut frame_block = block(app, &title, app.focus == Pane::Details);
    // The trail of followed links runs along the bottom border, which has the room.
    if let Some(trail) = trail(app, (area.width as usize).saturating_sub(4)) {
        frame_block = frame_block.title_bottom(Line::from(format!(" {trail} ")));
    }
    frame.render_widget(Paragraph::new(lines).block(frame_block), area);
    if let Some(typed) = &app.hinting {
        // Labels are drawn over the start of their link, at draw time, so the content of
        // Details stays what it is.
        for hint in super::hints::targets(app) {
            let Some(rest) = hint.label.strip_prefix(typed.as_str()) else {
                continue;
            };
            let row = area.y + 1 + hint.row as u16;
            if row + 1 >= area.y + area.height || rest.is_empty() {
                continue;
            }
            let label = Rect::new(area.x + 1, row, rest.width() as u16, 1);
            frame.render_widget(
                Paragraph::new(Span::styled(rest.to_owned(), app.theme.hint)),
                label,
            );
        }
    }
}

/// How the trail names a record: short, as breadcrumbs are.
fn crumb(dataset: &crate::dataset::Dataset, record: Record) -> String {
    let text = match record {
        Record::Institution(index) => dataset.institutions[index].name.to_string(),
        Record::Announcement(index) => {
            let announcement = &dataset.announcements[index];
            format!(
                "{} {}",
                announcement.short_title,
                announcement.date.to_string().get(..4).unwrap_or_default()
            )
        }
        Record::Event(announcement, index) => event_label(dataset, announcement, index),
        Record::Person(index) => dataset.people[index].name.to_string(),
        Record::Contact(index) => dataset.contacts[index].name.to_string(),
    };
    crate::sanitize::sanitize(&text).into_owned()
}

/// The records followed to the one shown, as k9s shows breadcrumbs: `Gustave Roussy ›
/// Dana-Farber… › Asan Medical Center`, within `room` cells. Names but the last are cut
/// to their first words when the whole does not fit, then the oldest are left out.
pub fn trail(app: &App, room: usize) -> Option<String> {
    const SEPARATOR: &str = " › ";
    let trail = app.trail();
    if trail.len() < 2 || room < 8 {
        return None;
    }
    let mut names: Vec<String> = trail
        .iter()
        .filter_map(|place| place.details.record)
        .map(|record| crumb(&app.dataset, record))
        .collect();
    let width = |names: &[String]| -> usize {
        names.iter().map(|name| name.width()).sum::<usize>()
            + SEPARATOR.width() * names.len().saturating_sub(1)
    };
    // Shorter and shorter names, the last one's twice as long as the others', until the
    // trail fits.
    let full = names.clone();
    for limit in [16, 12, 8] {
        if width(&names) <= room {
            break;
        }
        let last = names.len() - 1;
        for (position, (name, whole)) in names.iter_mut().zip(&full).enumerate() {
            let limit = if position == last { limit * 2 } else { limit };
            *name = first_words(whole, limit);
        }
    }
    let mut dropped = false;
    let prefix = format!("…{SEPARATOR}").width();
    while names.len() > 1 && width(&names) + if dropped { prefix } else { 0 } > room {
        names.remove(0);
        dropped = true;
    }
    let mut text = names.join(SEPARATOR);
    if dropped {
        text = format!("…{SEPARATOR}{text}");
    }
    Some(details::fit(&text, room))
}

/// A name's first words, up to `limit` cells, with `…` when something was left out.
fn first_words(name: &str, limit: usize) -> String {
    if name.width() <= limit {
        return name.to_owned();
    }
    let mut kept = String::new();
    for word in name.split(' ') {
        let next = if kept.is_empty() {
            word.to_owned()
        } else {
            format!("{kept} {word}")
        };
        if next.width() > limit && !kept.is_empty() {
            break;
        }
        kept = next;
    }
    if kept.width() >= limit {
        details::fit(&kept, limit)
    } else {
        format!("{kept}…")
    }
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let mut left: Vec<Span> = Vec::new();
    if app.hinting.is_some() {
        let scroll = app.keymap.label_of(Action::HalfPageDown);
        left.push(Span::styled(
            if super::hints::targets(app).is_empty() {
                format!("follow: no link in view; {scroll} scrolls Details")
            } else {
                format!("follow: type a link's label ({scroll} scrolls)")
            },
            app.theme.key,
        ));
    }
    if app.filtering {
        left.push(Span::styled("/", app.theme.key));
        left.push(Span::raw(
            crate::sanitize::sanitize(&app.filter).into_owned(),
        ));
        left.push(Span::styled("█", app.theme.muted));
    } else if !app.filter.is_empty() {
        left.push(Span::styled("filter: ", app.theme.muted));
        left.push(Span::raw(
            crate::sanitize::sanitize(&app.filter).into_owned(),
        ));
    }
    if app.searching() {
        // The lists are still those of the filter before the last edit.
        left.push(Span::styled("  searching…", app.theme.muted));
    } else if let Some(suggestion) = &app.suggestion {
        left.push(Span::styled(
            format!(
                "  no match — did you mean `{}`? ({})",
                crate::sanitize::sanitize(&suggestion.word),
                app.keymap.label_of(Action::TakeSuggestion)
            ),
            app.theme.warning,
        ));
    } else if !app.filter.is_empty() && !matches!(app.overlays.last(), Some(Overlay::Help { .. })) {
        left.push(Span::styled(
            format!("  {}", counted(app.match_count(), "match", "matches")),
            app.theme.muted,
        ));
    }
    // The narrowing, with its name apart: when the line is short, the name is what is
    // shortened (in its middle), not the words around it.
    let mut narrowing_part = None;
    if let Some(institution) = app.narrowed {
        let name = crate::sanitize::sanitize(&app.dataset.institutions[institution].name);
        let words = (
            "  showing announcements of ".to_owned(),
            format!(
                " ({} shows all)",
                app.keymap.label_of(Action::ClearNarrowing)
            ),
        );
        narrowing_part = Some((left.len(), name.to_string(), words.clone()));
        left.push(Span::styled(
            format!("{}{name}{}", words.0, words.1),
            app.theme.heading,
        ));
    }
    let mut status_part = None;
    if let Some(status) = &app.status {
        left.push(Span::raw("  "));
        status_part = Some(left.len());
        left.push(Span::styled(
            crate::sanitize::sanitize(status).into_owned(),
            app.theme.warning,
        ));
    }
    // People have no pane on the main screen: say that some match, and where; last, as
    // the least pressing news.
    let mut people_part = None;
    if !app.searching()
        && app.suggestion.is_none()
        && !app.filter.is_empty()
        && app.overlays.is_empty()
        && !app.people.is_empty()
    {
        people_part = Some(left.len());
        left.push(Span::styled(
            format!(
                "  {} {} — {}",
                counted(app.people.len(), "person", "people"),
                if app.people.len() == 1 {
                    "matches"
                } else {
                    "match"
                },
                app.keymap.label_of(Action::People)
            ),
            app.theme.muted,
        ));
    }
    // Hints by priority: `help` first, as it leads to every other key, then in table order.
    // The one with the first priority is never left out: the message is shortened instead.
    let mut hints: Vec<(bool, [Span; 2])> = app
        .keymap
        .hints(app.context())
        .map(|(command, label)| {
            (
                command.action == Action::Help,
                [
                    Span::styled(label, app.theme.key),
                    Span::raw(format!(" {}  ", command.hint.unwrap_or_default())),
                ],
            )
        })
        .collect();
    let pair_width = |pair: &[Span; 2]| pair.iter().map(Span::width).sum::<usize>();
    let width = area.width as usize;
    let hints_width: usize = hints.iter().map(|(_, pair)| pair_width(pair)).sum();
    let mut left_width: usize = left.iter().map(Span::width).sum();
    let mut spans = Vec::new();
    if left_width + 2 + hints_width <= width {
        spans.extend(left);
        spans.push(Span::raw(" ".repeat(width - left_width - hints_width)));
        spans.extend(hints.into_iter().flat_map(|(_, pair)| pair));
    } else {
        // Hints in priority order: `help` first, then the table's order.
        let mut priority: Vec<usize> = (0..hints.len()).collect();
        priority.sort_by_key(|&position| !hints[position].0);
        // The message leaves room for the first hints, up to a third of the line (always
        // for the first), and is shortened in the middle if it needs more.
        let mut shown = vec![false; hints.len()];
        let mut kept_width = 0;
        for (rank, &position) in priority.iter().enumerate() {
            let needed = pair_width(&hints[position].1);
            if rank > 0 && kept_width + needed > width / 3 {
                break;
            }
            kept_width += needed;
            shown[position] = true;
        }
        let room = width.saturating_sub(kept_width + 1);
        if let Some((index, name, long_words)) = narrowing_part
            && left_width > room
        {
            // The name shortened in its middle, then shorter words around it.
            let short_words = (
                "  narrowed: ".to_owned(),
                format!(" ({} all)", app.keymap.label_of(Action::ClearNarrowing)),
            );
            let others = left_width - left[index].width();
            for (before, after) in [long_words, short_words] {
                let around = others + before.width() + after.width();
                let keep = room.saturating_sub(around).max(12);
                let text = format!("{before}{}{after}", shorten_middle(&name, keep));
                left[index] = Span::styled(text, left[index].style);
                left_width = left.iter().map(Span::width).sum();
                if left_width <= room {
                    break;
                }
            }
        }
        if left_width > room {
            left = shorten_message(left, room, status_part, people_part);
            left_width = left.iter().map(Span::width).sum();
        }
        // Then more hints, by priority, while they fit.
        let mut spare = width.saturating_sub(left_width + kept_width + 1);
        for &position in &priority {
            let needed = pair_width(&hints[position].1);
            if !shown[position] && needed <= spare {
                spare -= needed;
                shown[position] = true;
            }
        }
        spans.extend(left);
        spans.push(Span::raw(" ".repeat(spare + 1)));
        // Shown in table order, as they always are.
        for (position, (_, pair)) in hints.drain(..).enumerate() {
            if shown[position] {
                spans.extend(pair);
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme.status),
        area,
    );
}

/// The status line's message cut to `room` cells, shortened in the middle of its parts
/// rather than at its end: the least pressing part first (who else matches, then the
/// narrowing), the filter and what just happened last, so a confirmation keeps its words
/// over a long narrowed name.
fn shorten_message(
    mut parts: Vec<Span<'static>>,
    room: usize,
    status: Option<usize>,
    people: Option<usize>,
) -> Vec<Span<'static>> {
    let total = |parts: &[Span]| parts.iter().map(Span::width).sum::<usize>();
    // The message is built filter, count, narrowing, status, people: shortened from its
    // end (people, then the narrowing, the count, the filter), the status last.
    let order: Vec<usize> = {
        let last = parts.len();
        let mut order: Vec<usize> = (0..last).rev().collect();
        // The status (what just happened) goes last.
        if let Some(status) = status {
            order.retain(|&index| index != status);
            order.push(status);
        }
        order
    };
    for index in order {
        let over = total(&parts).saturating_sub(room);
        if over == 0 {
            break;
        }
        let part = &parts[index];
        if part.content.trim().is_empty() {
            // A separator: what it separates goes first.
            continue;
        }
        let keep = part.width().saturating_sub(over);
        // A part cut to a few cells says nothing: leave it out. Who else matches is said
        // whole or not at all.
        let keep = if keep < 8 || Some(index) == people {
            0
        } else {
            keep
        };
        let shortened = shorten_middle(&part.content, keep);
        parts[index] = Span::styled(shortened, part.style);
    }
    parts
}

/// `text` in at most `width` cells, its middle replaced by `…`.
pub fn shorten_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let characters: Vec<char> = text.chars().collect();
    let budget = width - 1;
    let head_budget = budget.div_ceil(2);
    let tail_budget = budget - head_budget;
    let mut head = String::new();
    let mut used = 0;
    for character in &characters {
        let cell = unicode_width::UnicodeWidthChar::width(*character).unwrap_or(0);
        if used + cell > head_budget {
            break;
        }
        used += cell;
        head.push(*character);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for character in characters.iter().rev() {
        let cell = unicode_width::UnicodeWidthChar::width(*character).unwrap_or(0);
        if used + cell > tail_budget {
            break;
        }
        used += cell;
        tail.push(*character);
    }
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

fn draw_help(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let lines = super::help::lines(app, &app.filter);
    let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(block(
            app,
            &format!(
                "Help ({} filters, {} or {} closes)",
                app.keymap.label_of(Action::StartFilter),
                app.keymap.label_of(Action::Escape),
                app.keymap.label_of(Action::Quit)
            ),
            true,
        )),
        area,
    );
}

/// Lines each contact takes in the Contacts overlay, at least: who, phones, emails,
/// releases.
pub const CONTACT_LINES: usize = 4;

/// Lines every card of the Contacts overlay takes at the app's size: the most any listed
/// contact needs once its phones and emails wrap, so nothing is cut and cards stay the
/// same height for paging.
pub fn contact_lines(app: &App) -> usize {
    let inner_width = layout(app.width, app.height)
        .overlay
        .width
        .saturating_sub(2) as usize;
    app.contacts
        .iter()
        .map(|&contact| contact_fields(app, contact, inner_width).len() + 1)
        .max()
        .unwrap_or(CONTACT_LINES)
        .max(CONTACT_LINES)
}

/// A contact card's lines under its name: phones, emails (each with its releases' years,
/// latest first) and releases, wrapped under their labels: nothing is cut.
fn contact_fields(app: &App, index: usize, inner_width: usize) -> Vec<Line<'static>> {
    let dataset = &app.dataset;
    // Latest release first, as the phones and emails are.
    let releases: Vec<String> = dataset
        .contact_announcements(index)
        .into_iter()
        .rev()
        .map(|announcement| release_label(dataset, announcement))
        .collect();
    let mut lines = Vec::new();
    for (label, values) in [
        ("phone", channels(dataset, index, false)),
        ("email", channels(dataset, index, true)),
        ("in", releases.join("; ")),
    ] {
        let budget = inner_width.saturating_sub(6 + 4).max(8);
        let value = crate::sanitize::sanitize(&values).into_owned();
        for (position, piece) in crate::output::table::wrap_cell(&value, budget)
            .into_iter()
            .enumerate()
        {
            let label = if position == 0 { label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("    {label:<6}"), app.theme.muted),
                Span::raw(piece),
            ]));
        }
    }
    lines
}

fn draw_contacts(app: &App, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let inner_width = area.width.saturating_sub(2) as usize;
    let card_lines = contact_lines(app);
    let cards = (area.height.saturating_sub(2) as usize / card_lines).max(1);
    let mut lines = Vec::new();
    let cursor = app.contacts_cursor;
    for (position, &index) in app
        .contacts
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(cards)
    {
        let dataset = &app.dataset;
        let contact = &dataset.contacts[index];
        let who = format!(
            "{} · {} · for {}",
            contact.name,
            contact.organization,
            dataset.institution_name(&contact.represents)
        );
        lines.push(row_line(
            app,
            &who,
            position == cursor.selected,
            false,
            inner_width,
        ));
        let fields = contact_fields(app, index, inner_width);
        let padding = card_lines.saturating_sub(fields.len() + 1);
        lines.extend(fields);
        lines.extend(std::iter::repeat_n(Line::default(), padding));
    }
    if app.contacts.is_empty() {
        lines.push(Line::styled("  no contact matches", app.theme.muted));
    }
    let title = format!(
        "Contacts {} ({} shows, {} copies, {} returns)",
        app.contacts.len(),
        app.keymap.label_of(Action::Open),
        app.keymap.label_of(Action::CopyMenu),
        app.keymap.label_of(Action::Escape)
    );
    frame.render_widget(Paragraph::new(lines).block(block(app, &title, true)), area);
}

/// A contact's phones or emails on one line, each with its releases' years, latest first.
fn channels(dataset: &crate::dataset::Dataset, contact: usize, emails: bool) -> String {
    dataset
        .channels_of(contact, emails)
        .iter()
        .map(|channel| channel.with_releases(dataset))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A release as cards name it: its year and short title.
fn release_label(dataset: &crate::dataset::Dataset, announcement: usize) -> String {
    let announcement = &dataset.announcements[announcement];
    format!(
        "{} {}",
        announcement.date.get(..4).unwrap_or(""),
        announcement.short_title
    )
}

/// One indented `label value` line of a card in the Contacts or People overlay, cut to fit.
fn card_field(
    app: &App,
    label: &str,
    label_width: usize,
    value: &str,
    inner_width: usize,
) -> Line<'static> {
    let value = details::fit(
        &crate::sanitize::sanitize(value),
        inner_width.saturating_sub(label_width + 4),
    );
    Line::from(vec![
        Span::styled(format!("    {label:<label_width$}"), app.theme.muted),
        Span::raw(value),
    ])
}

/// Lines each person takes in the People overlay: name, roles over time, releases.
pub const PERSON_LINES: usize = 3;

fn draw_people(app: &App, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let inner_width = area.width.saturating_sub(2) as usize;
    let cards = (area.height.saturating_sub(2) as usize / PERSON_LINES).max(1);
    let dataset = &app.dataset;
    let mut lines = Vec::new();
    let cursor = app.people_cursor;
    for (position, &index) in app
        .people
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(cards)
    {
        let person = &dataset.people[index];
        let name = match &person.honorific {
            Some(honorific) => format!("{} ({honorific})", person.name),
            None => person.name.to_string(),
        };
        lines.push(row_line(
            app,
            &name,
            position == cursor.selected,
            false,
            inner_width,
        ));
        let roles: Vec<String> = person
            .roles
            .iter()
            .map(|role| {
                let year = dataset
                    .announcement(&role.announcement)
                    .map_or("", |announcement| announcement.date.get(..4).unwrap_or(""));
                let title = role.title_en.as_deref().unwrap_or(&role.title);
                match role.institution.as_deref() {
                    Some(institution) => {
                        format!("{year} {title}, {}", dataset.institution_name(institution))
                    }
                    None => format!("{year} {title}"),
                }
            })
            .collect();
        let speaks: Vec<String> = dataset
            .quoted_in(&person.id)
            .into_iter()
            .map(|announcement| release_label(dataset, announcement))
            .collect();
        for (label, text) in [("roles", roles.join(" → ")), ("speaks", speaks.join("; "))] {
            lines.push(card_field(app, label, 7, &text, inner_width));
        }
    }
    if app.people.is_empty() {
        lines.push(Line::styled("  nobody matches", app.theme.muted));
    }
    let title = format!(
        "People {} ({} shows, {} returns)",
        app.people.len(),
        app.keymap.label_of(Action::Open),
        app.keymap.label_of(Action::Escape)
    );
    frame.render_widget(Paragraph::new(lines).block(block(app, &title, true)), area);
}

/// "1 match", "2 matches".
fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
