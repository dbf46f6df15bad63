//! What the cards of the Contacts and People overlays say: a card's first line, and its
//! fields under it. Kept apart from their drawing because a contact card's height, which
//! paging needs, is the most lines any listed contact's fields wrap to.

use ratatui::text::{Line, Span};

use crate::dataset::Dataset;
use crate::output::table::{fit, wrap_cell};
use crate::sanitize::sanitize;

use super::layout::CONTACT_LINES;
use super::theme::Theme;

/// A contact card's first line: who, for whom.
pub(crate) fn contact_head(dataset: &Dataset, index: usize) -> String {
    let contact = &dataset.contacts[index];
    format!(
        "{} · {} · for {}",
        contact.name,
        contact.organization,
        dataset.institution_name(&contact.represents)
    )
}

/// Lines every card of the Contacts overlay takes, its inside `inner_width` cells wide: the
/// most any listed contact needs once its phones and emails wrap, so nothing is cut and
/// cards stay the same height for paging.
pub(crate) fn contact_lines(
    dataset: &Dataset,
    theme: &Theme,
    contacts: &[usize],
    inner_width: usize,
) -> usize {
    contacts
        .iter()
        .map(|&contact| contact_fields(dataset, theme, contact, inner_width).len() + 1)
        .max()
        .unwrap_or(CONTACT_LINES)
        .max(CONTACT_LINES)
}

/// A contact card's lines under its name: phones, emails (each with its releases' years,
/// latest first) and releases, wrapped under their labels: nothing is cut.
pub(crate) fn contact_fields(
    dataset: &Dataset,
    theme: &Theme,
    index: usize,
    inner_width: usize,
) -> Vec<Line<'static>> {
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
        let value = sanitize(&values).into_owned();
        for (position, piece) in wrap_cell(&value, budget).into_iter().enumerate() {
            let label = if position == 0 { label } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("    {label:<6}"), theme.muted),
                Span::raw(piece),
            ]));
        }
    }
    lines
}

/// A person card's first line: the name, with the honorific.
pub(crate) fn person_head(dataset: &Dataset, index: usize) -> String {
    let person = &dataset.people[index];
    match &person.honorific {
        Some(honorific) => format!("{} ({honorific})", person.name),
        None => person.name.to_string(),
    }
}

/// A person card's lines under the name: roles over time, then the releases quoting them.
pub(crate) fn person_fields(
    dataset: &Dataset,
    theme: &Theme,
    index: usize,
    inner_width: usize,
) -> Vec<Line<'static>> {
    let person = &dataset.people[index];
    let roles: Vec<String> = person
        .roles
        .iter()
        .map(|role| {
            let year = dataset
                .announcement(&role.announcement)
                .map_or("", |announcement| announcement.date.year_text());
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
    [("roles", roles.join(" → ")), ("speaks", speaks.join("; "))]
        .into_iter()
        .map(|(label, text)| card_field(theme, label, 7, &text, inner_width))
        .collect()
}

/// A contact's phones or emails on one line, each with its releases' years, latest first.
fn channels(dataset: &Dataset, contact: usize, emails: bool) -> String {
    dataset
        .channels_of(contact, emails)
        .iter()
        .map(|channel| channel.with_releases(dataset))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A release as cards name it: its year and short title.
fn release_label(dataset: &Dataset, announcement: usize) -> String {
    let announcement = &dataset.announcements[announcement];
    format!(
        "{} {}",
        announcement.date.year_text(),
        announcement.short_title
    )
}

/// One indented `label value` line of a card, cut to fit.
fn card_field(
    theme: &Theme,
    label: &str,
    label_width: usize,
    value: &str,
    inner_width: usize,
) -> Line<'static> {
    let value = fit(
        &sanitize(value),
        inner_width.saturating_sub(label_width + 4),
    );
    Line::from(vec![
        Span::styled(format!("    {label:<label_width$}"), theme.muted),
        Span::raw(value),
    ])
}
