//! The status line: the filter, what just happened, the narrowing, and the keys' hints,
//! shortened by priority when the line is short.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Mode, Overlay};
use super::super::keymap::Action;

pub(crate) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let mut left: Vec<Span> = Vec::new();
    if app.hinting().is_some() {
        let scroll = app.keymap.label_of(Action::HalfPageDown);
        left.push(Span::styled(
            if app.hint_targets().is_empty() {
                format!("follow: no link in view; {scroll} scrolls Details")
            } else {
                format!("follow: type a link's label ({scroll} scrolls)")
            },
            app.theme.key,
        ));
    }
    if *app.mode() == Mode::Filter {
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
    // The status in up to three parts, shortened in this order on a short line: a closing
    // aside ("(tmux passes it on only with …)"), the lead ("sent to terminal
    // clipboard:"), then what it is about, so what was copied or named stays readable.
    let mut status_parts = [None; 3];
    if let Some(status) = &app.status {
        left.push(Span::raw("  "));
        let status = crate::sanitize::sanitize(status);
        let (message, aside) = match status.rfind(" (") {
            Some(at) if status.ends_with(')') && at > 0 => status.split_at(at),
            _ => (status.as_ref(), ""),
        };
        let (lead, subject) = match message.find(": ") {
            Some(at) => message.split_at(at + 2),
            None => ("", message),
        };
        // Drawn lead, subject, aside; `status_parts` holds them in the order they give way.
        for (slot, part) in [(1, lead), (2, subject), (0, aside)] {
            if !part.is_empty() {
                status_parts[slot] = Some(left.len());
                left.push(Span::styled(part.to_owned(), app.theme.warning));
            }
        }
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
            left = shorten_message(left, room, status_parts, people_part);
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
    last_parts: [Option<usize>; 3],
    people: Option<usize>,
) -> Vec<Span<'static>> {
    let total = |parts: &[Span]| parts.iter().map(Span::width).sum::<usize>();
    // The message is built filter, count, narrowing, status, people: shortened from its
    // end (people, then the narrowing, the count, the filter), the status last.
    let order: Vec<usize> = {
        let last = parts.len();
        let mut order: Vec<usize> = (0..last).rev().collect();
        // The status (what just happened) goes last, in the order of its parts.
        for index in last_parts.into_iter().flatten() {
            order.retain(|&other| other != index);
            order.push(index);
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
pub(crate) fn shorten_middle(text: &str, width: usize) -> String {
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

/// "1 match", "2 matches".
fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
