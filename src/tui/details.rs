//! The Details pane's content for the record shown: lines already wrapped to the pane's
//! width, and where each link (partner, announcement, person, contact) stands, so moving
//! between links, scrolling to follow them and clicking them all agree. Every fact that
//! names words of its release (quote, figure, event, claim, partner, role, press listing)
//! is selectable the same way, and knows its passage, which `s` opens.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::dataset::provenance::PassageKind;
use crate::dataset::{Dataset, Record};
use crate::sanitize::{sanitize, sanitize_multiline};

use super::app::{App, Pane};
use super::theme::{SELECTION_SYMBOL, Theme};

/// A link in Details: the line it is drawn on and the record it leads to. A fact's line
/// also names its passage; one that leads nowhere else leads to the record shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkSpot {
    pub line: usize,
    pub target: Record,
    pub passage: Option<PassageSpot>,
    /// A web address of the record shown, as its place in [`urls_of`] that record.
    pub url: Option<usize>,
}

/// The web addresses a record's Details show, in the order they are drawn: an
/// announcement's links, an institution's website. Each is a selectable line.
pub fn urls_of(dataset: &Dataset, record: Record) -> Vec<(&str, &str)> {
    match record {
        Record::Announcement(index) => dataset.announcements[index]
            .links
            .iter()
            .map(|link| (link.label.as_str(), link.url.as_str()))
            .collect(),
        Record::Institution(index) => dataset.institutions[index]
            .website
            .iter()
            .map(|website| ("website", website.as_str()))
            .collect(),
        _ => Vec::new(),
    }
}

/// A passage of the dataset's provenance: its announcement and its place in
/// `Provenance::passages` of that announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageSpot {
    pub announcement: usize,
    pub index: usize,
}

/// The passage of a fact of `announcement`, by kind and words, if it was located.
pub fn passage_spot(
    dataset: &Dataset,
    announcement: usize,
    kind: PassageKind,
    words: Option<&str>,
) -> Option<PassageSpot> {
    let words = words?;
    dataset
        .provenance()
        .passages(announcement)
        .iter()
        .position(|passage| passage.kind == kind && passage.text.as_str() == words)
        .map(|index| PassageSpot {
            announcement,
            index,
        })
}

#[derive(Debug, Default)]
pub struct Content {
    pub lines: Vec<Line<'static>>,
    pub links: Vec<LinkSpot>,
}

struct Builder<'a> {
    content: Content,
    width: usize,
    theme: &'a Theme,
    /// The link to draw as selected, when Details has the focus.
    selected_link: Option<usize>,
    /// The record shown: where a fact's line leads, when it leads nowhere else.
    record: Option<Record>,
    /// The filter, whose terms are highlighted where they match, as in the lists.
    filter: Option<(
        &'a crate::search::matcher::Matcher,
        &'a crate::search::query::Query,
    )>,
}

impl Builder<'_> {
    /// A piece of text in `style`, with the characters the filter's terms match also in
    /// the theme's match style. Terms match by words and word prefixes here, as in prose,
    /// so a short term lights whole words rather than scattered letters.
    fn spans(&self, piece: String, style: Style) -> Vec<Span<'static>> {
        let Some((matcher, query)) = self.filter else {
            return vec![Span::styled(piece, style)];
        };
        let folded = crate::search::fold::fold(&piece);
        let matched =
            matcher.class_highlights(query, crate::search::fields::FieldClass::Prose, &folded);
        if matched.is_empty() {
            return vec![Span::styled(piece, style)];
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_matched = false;
        for (position, character) in piece.chars().enumerate() {
            let is_matched = matched.binary_search(&position).is_ok();
            if is_matched != run_matched && !run.is_empty() {
                let run_style = if run_matched {
                    style.patch(self.theme.matched)
                } else {
                    style
                };
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_matched = is_matched;
            run.push(character);
        }
        if !run.is_empty() {
            let run_style = if run_matched {
                style.patch(self.theme.matched)
            } else {
                style
            };
            spans.push(Span::styled(run, run_style));
        }
        spans
    }

    fn blank(&mut self) {
        if !self.content.lines.is_empty() {
            self.content.lines.push(Line::default());
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        for piece in wrap(&sanitize(text), self.width) {
            let spans = self.spans(piece, self.theme.heading);
            self.content.lines.push(Line::from(spans));
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        let label = format!("{label:<10} ");
        let indent = label.width();
        for (position, piece) in wrap(
            &sanitize_multiline(value),
            self.width.saturating_sub(indent).max(8),
        )
        .into_iter()
        .enumerate()
        {
            let lead = if position == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            let mut spans = vec![Span::styled(lead, self.theme.muted)];
            spans.extend(self.spans(piece, Style::new()));
            self.content.lines.push(Line::from(spans));
        }
    }

    fn paragraph(&mut self, text: &str, style: Style) {
        for piece in wrap(&sanitize_multiline(text), self.width) {
            let spans = self.spans(piece, style);
            self.content.lines.push(Line::from(spans));
        }
    }

    fn item(&mut self, text: &str) {
        for (position, piece) in wrap(
            &sanitize_multiline(text),
            self.width.saturating_sub(2).max(8),
        )
        .into_iter()
        .enumerate()
        {
            let lead = if position == 0 { "• " } else { "  " };
            let mut spans = vec![Span::raw(lead)];
            spans.extend(self.spans(piece, Style::new()));
            self.content.lines.push(Line::from(spans));
        }
    }

    /// A line that leads to a record; the selected one shows the selection symbol.
    fn link(&mut self, text: &str, target: Record) {
        self.fact_link(text, target, None);
    }

    /// A fact: its lines, wrapped, selectable like a link that leads to the record shown.
    fn fact(&mut self, text: &str, passage: Option<PassageSpot>) {
        let Some(target) = self.record else {
            return self.item(text);
        };
        self.selectable(text, target, passage, "· ", self.theme.base);
    }

    /// The record's web addresses, each a selectable line that `o` opens and `y` copies.
    fn urls(&mut self, dataset: &Dataset, record: Record) {
        for (position, (label, url)) in urls_of(dataset, record).into_iter().enumerate() {
            self.selectable(
                &format!("{label}  {url}"),
                record,
                None,
                "→ ",
                self.theme.link,
            );
            if let Some(link) = self.content.links.last_mut() {
                link.url = Some(position);
            }
        }
    }

    /// A link that is also a fact, with its passage.
    fn fact_link(&mut self, text: &str, target: Record, passage: Option<PassageSpot>) {
        self.selectable(text, target, passage, "→ ", self.theme.link);
    }

    /// A selectable line, wrapped with a hanging indent so nothing is cut; the selected one
    /// shows the selection symbol.
    fn selectable(
        &mut self,
        text: &str,
        target: Record,
        passage: Option<PassageSpot>,
        lead: &str,
        style: Style,
    ) {
        let number = self.content.links.len();
        let selected = self.selected_link == Some(number);
        let (lead, style) = if selected {
            (SELECTION_SYMBOL, self.theme.selection)
        } else {
            (lead, style)
        };
        let line = self.content.lines.len();
        let width = self.width.saturating_sub(lead.width()).max(8);
        for (position, piece) in wrap(&sanitize_multiline(text), width)
            .into_iter()
            .enumerate()
        {
            let lead = if position == 0 {
                lead.to_owned()
            } else {
                " ".repeat(lead.width())
            };
            let mut spans = vec![Span::styled(lead, style)];
            spans.extend(self.spans(piece, style));
            self.content.lines.push(Line::from(spans));
        }
        self.content.links.push(LinkSpot {
            line,
            target,
            passage,
            url: None,
        });
    }
}

/// The content for the record Details shows, wrapped to `width` cells.
pub fn content(app: &App, width: u16) -> Content {
    let mut builder = Builder {
        content: Content::default(),
        width: (width as usize).max(8),
        theme: &app.theme,
        selected_link: (app.focus == Pane::Details).then_some(app.details.link),
        record: app.details.record,
        filter: (!app.query.is_empty()).then(|| (app.index.matcher(), &app.query)),
    };
    let dataset = &app.dataset;
    // A row the filter lists because it concerns a match says why it is there.
    if let Some(via) = app
        .details
        .record
        .and_then(|record| app.related_row(record))
    {
        let name = match via {
            Record::Institution(index) => dataset.institutions[index].name.as_str(),
            Record::Person(index) => dataset.people[index].name.as_str(),
            _ => "",
        };
        builder.paragraph(&format!("via {name}"), app.theme.muted);
    }
    match app.details.record {
        None => builder.paragraph("Nothing selected.", app.theme.muted),
        Some(Record::Announcement(index)) => announcement(&mut builder, dataset, index),
        Some(Record::Institution(index)) => institution(&mut builder, dataset, index),
        Some(Record::Person(index)) => person(&mut builder, dataset, index),
        Some(Record::Contact(index)) => contact(&mut builder, dataset, index),
        Some(Record::Event(announcement, item)) => event(&mut builder, dataset, announcement, item),
    }
    builder.content
}

fn announcement(builder: &mut Builder, dataset: &Dataset, index: usize) {
    let announcement = &dataset.announcements[index];
    builder.paragraph(&announcement.title, builder.theme.heading);
    if let Some(title) = &announcement.title_en {
        builder.paragraph(title, builder.theme.muted);
    }
    for line in &announcement.standfirst {
        builder.item(line);
    }
    builder.blank();
    builder.field("date", &announcement.date);
    builder.field(
        "dateline",
        &announcement
            .dateline
            .iter()
            .map(|place| place.as_str())
            .collect::<Vec<_>>()
            .join(" / "),
    );
    builder.field("kind", &announcement.kind);
    builder.field("duration", announcement.duration.as_deref().unwrap_or(""));
    builder.field("language", &announcement.language);
    builder.heading(&format!("Partners ({})", announcement.partners.len()));
    for partner in &announcement.partners {
        if let Some(institution) = dataset.institution_index(&partner.institution) {
            let name = &dataset.institutions[institution].name;
            let passage = passage_spot(
                dataset,
                index,
                PassageKind::Partner,
                partner.passage.as_deref(),
            );
            builder.fact_link(
                &format!("{name} — {}", partner.role.as_str()),
                Record::Institution(institution),
                passage,
            );
        }
    }
    if !announcement.mentions.is_empty() {
        builder.heading("Mentioned");
        for mention in &announcement.mentions {
            if let Some(institution) = dataset.institution_index(&mention.institution) {
                builder.link(
                    &dataset.institutions[institution].name,
                    Record::Institution(institution),
                );
            }
        }
    }
    builder.heading("Summary");
    builder.paragraph(&announcement.summary, builder.theme.base);
    if !announcement.objectives.is_empty() {
        builder.heading("Objectives");
        for objective in &announcement.objectives {
            builder.item(objective);
        }
    }
    if !announcement.figures.is_empty() {
        builder.heading("Figures");
        for figure in &announcement.figures {
            let passage = passage_spot(
                dataset,
                index,
                PassageKind::Figure,
                Some(&figure.as_written),
            );
            builder.fact(
                &format!("{} — {}", figure.as_written, figure.counts),
                passage,
            );
        }
    }
    if !announcement.events.is_empty() {
        builder.heading("Events");
        for (event, item) in announcement.events.iter().enumerate() {
            let words = item.as_written.as_deref().or(item.passage.as_deref());
            let passage = passage_spot(dataset, index, PassageKind::Event, words);
            builder.fact_link(
                &event_label(dataset, index, event),
                Record::Event(index, event),
                passage,
            );
        }
    }
    if !announcement.quotes.is_empty() {
        builder.heading("Quotes");
        for quote in &announcement.quotes {
            let passage = passage_spot(dataset, index, PassageKind::Quote, Some(&quote.text));
            builder.fact(&format!("“{}”", quote.text), passage);
            for speaker in &quote.speakers {
                if let Some(Record::Person(person)) = dataset.record(&speaker.person) {
                    builder.link(
                        &format!("{}, {}", dataset.people[person].name, speaker.role),
                        Record::Person(person),
                    );
                }
            }
            if let Some(attribution) = &quote.attribution {
                builder.paragraph(&format!("({attribution})"), builder.theme.muted);
            }
            builder.blank();
        }
    }
    if !announcement.press_contacts.is_empty() {
        builder.heading("Press contacts");
        for listing in &announcement.press_contacts {
            if let Some(Record::Contact(contact)) = dataset.record(&listing.contact) {
                let item = &dataset.contacts[contact];
                let passage = passage_spot(
                    dataset,
                    index,
                    PassageKind::Listing,
                    listing.passage.as_deref(),
                );
                builder.fact_link(
                    &format!("{} ({})", item.name, item.organization),
                    Record::Contact(contact),
                    passage,
                );
                for phone in &listing.phones {
                    builder.field("  phone", phone);
                }
                for email in &listing.emails {
                    builder.field("  email", email);
                }
            }
        }
    }
    if !announcement.links.is_empty() {
        builder.heading("Links");
        builder.urls(dataset, Record::Announcement(index));
    }
    builder.heading("Source");
    builder.field("seed", &announcement.source);
    for (field, source) in &announcement.sources {
        builder.field(field, source);
    }
}

/// An event as the Timeline lists it: when, then what.
pub fn event_label(dataset: &Dataset, announcement: usize, event: usize) -> String {
    let event = &dataset.announcements[announcement].events[event];
    format!("{} {}", event.when(), event.title)
}

fn institution(builder: &mut Builder, dataset: &Dataset, index: usize) {
    let institution = &dataset.institutions[index];
    builder.paragraph(&institution.name, builder.theme.heading);
    builder.blank();
    builder.field("kind", institution.kind.as_str());
    let city = if institution.city.is_empty() {
        "seat not stated"
    } else {
        institution.city.as_str()
    };
    builder.field("city", &format!("{city}, {}", institution.country));
    builder.field("address", institution.address.as_deref().unwrap_or(""));
    builder.field("phone", institution.phone.as_deref().unwrap_or(""));
    builder.field(
        "also",
        &institution
            .other_names
            .iter()
            .map(|name| name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    );
    builder.field("id", &institution.id);
    builder.urls(dataset, Record::Institution(index));
    if let Some(parent) = institution
        .parent
        .as_deref()
        .and_then(|parent| dataset.institution_index(parent))
    {
        builder.heading("Part of");
        builder.link(
            &dataset.institutions[parent].name,
            Record::Institution(parent),
        );
    }
    let announcements = dataset.announcements_of(index);
    builder.heading(&format!("Announcements ({})", announcements.len()));
    for announcement in announcements {
        let item = &dataset.announcements[announcement];
        let partner = item
            .partners
            .iter()
            .find(|partner| partner.institution == institution.id);
        let role = partner.map_or("mentioned", |partner| partner.role.as_str());
        let passage = partner.and_then(|partner| {
            passage_spot(
                dataset,
                announcement,
                PassageKind::Partner,
                partner.passage.as_deref(),
            )
        });
        builder.fact_link(
            &format!("{} {} — {role}", item.date, item.short_title),
            Record::Announcement(announcement),
            passage,
        );
    }
    let partners = dataset.co_partners(index);
    if !partners.is_empty() {
        builder.heading("Partners across releases");
        for (partner, times) in partners {
            let plural = if times == 1 { "" } else { "s" };
            builder.link(
                &format!(
                    "{} — {times} time{plural}",
                    dataset.institutions[partner].name
                ),
                Record::Institution(partner),
            );
        }
    }
    let people = dataset.people_of(index);
    if !people.is_empty() {
        builder.heading("People");
        for person in people {
            let item = &dataset.people[person];
            let roles: Vec<String> = item
                .roles
                .iter()
                .filter(|role| role.institution.as_deref() == Some(institution.id.as_str()))
                .map(|role| {
                    let year = dataset
                        .announcement(&role.announcement)
                        .map_or("", |announcement| announcement.date.get(..4).unwrap_or(""));
                    format!("{} ({year})", role.title)
                })
                .collect();
            builder.link(
                &format!("{} — {}", item.name, roles.join("; ")),
                Record::Person(person),
            );
        }
    }
    let contacts = dataset.contacts_of(index);
    if !contacts.is_empty() {
        builder.heading("Press contacts");
        for contact in contacts {
            let item = &dataset.contacts[contact];
            let years: Vec<&str> = dataset
                .contact_announcements(contact)
                .into_iter()
                .rev()
                .map(|announcement| {
                    let date = dataset.announcements[announcement].date.as_str();
                    date.get(..4).unwrap_or(date)
                })
                .collect();
            builder.link(
                &format!(
                    "{} ({}) — listed {}",
                    item.name,
                    item.organization,
                    years.join(", ")
                ),
                Record::Contact(contact),
            );
            channels(builder, dataset, contact, "  ");
        }
    }
    let history = dataset.claim_history(index);
    if !history.is_empty() {
        builder.heading(&format!(
            "History of statements ({} = changed since the release before)",
            crate::dataset::history::CHANGED_MARK
        ));
        for topic in &history {
            let style = if topic.varies() {
                builder.theme.warning
            } else {
                builder.theme.muted
            };
            builder.paragraph(&topic.label(), style);
            for entry in &topic.entries {
                let passage = passage_spot(
                    dataset,
                    entry.announcement,
                    PassageKind::Claim,
                    Some(&entry.as_written),
                );
                builder.fact(&entry.describe(dataset), passage);
            }
        }
    }
    let mut any = false;
    for (announcement, profile) in dataset.profiles_of(&institution.id) {
        if !any {
            builder.heading("Profile statements by release");
            any = true;
        }
        builder.paragraph(
            &format!(
                "{} · {} · {}",
                announcement.date, announcement.short_title, profile.context
            ),
            builder.theme.muted,
        );
        builder.paragraph(&profile.text, builder.theme.base);
        if !profile.handles.is_empty() {
            let handles: Vec<&str> = profile.handles.iter().map(|h| h.as_str()).collect();
            builder.field("handles", &handles.join(" "));
        }
        builder.blank();
    }
}

fn person(builder: &mut Builder, dataset: &Dataset, index: usize) {
    let person = &dataset.people[index];
    builder.paragraph(&person.name, builder.theme.heading);
    builder.blank();
    builder.field("honorific", person.honorific.as_deref().unwrap_or(""));
    builder.field("id", &person.id);
    builder.heading("Roles by release");
    for role in &person.roles {
        let date = dataset
            .announcement(&role.announcement)
            .map_or("", |announcement| announcement.date.as_str());
        let passage = match dataset.record(&role.announcement) {
            Some(Record::Announcement(announcement)) => passage_spot(
                dataset,
                announcement,
                PassageKind::Role,
                role.passage.as_deref(),
            ),
            _ => None,
        };
        let english = role
            .title_en
            .as_deref()
            .map_or(String::new(), |title| format!(" ({title})"));
        match role
            .institution
            .as_deref()
            .and_then(|id| dataset.institution_index(id))
        {
            Some(institution) => builder.fact_link(
                &format!(
                    "{date} {}{english}, {}",
                    role.title, dataset.institutions[institution].name
                ),
                Record::Institution(institution),
                passage,
            ),
            None => builder.fact(&format!("{date} {}{english}", role.title), passage),
        }
    }
    let quoted = dataset.quoted_in(&person.id);
    if !quoted.is_empty() {
        builder.heading("Quoted in");
        for announcement in quoted {
            let item = &dataset.announcements[announcement];
            builder.link(
                &format!("{} {}", item.date, item.short_title),
                Record::Announcement(announcement),
            );
        }
    }
}

fn contact(builder: &mut Builder, dataset: &Dataset, index: usize) {
    let contact = &dataset.contacts[index];
    builder.paragraph(&contact.name, builder.theme.heading);
    builder.blank();
    builder.field("org", &contact.organization);
    channels(builder, dataset, index, "");
    if let Some(institution) = dataset.institution_index(&contact.represents) {
        builder.heading("Speaks for");
        builder.link(
            &dataset.institutions[institution].name,
            Record::Institution(institution),
        );
    }
    builder.heading("Listed in");
    let mut listings: Vec<_> = dataset.listings_of(index).collect();
    listings.reverse();
    for (announcement, listing) in listings {
        let item = &dataset.announcements[announcement];
        let passage = passage_spot(
            dataset,
            announcement,
            PassageKind::Listing,
            listing.passage.as_deref(),
        );
        builder.fact_link(
            &format!("{} {}", item.date, item.short_title),
            Record::Announcement(announcement),
            passage,
        );
    }
}

/// A contact's phones and emails, each with the years of the releases that give it,
/// latest first; `indent` sets them under a contact's line in another record.
fn channels(builder: &mut Builder, dataset: &Dataset, contact: usize, indent: &str) {
    for phone in dataset.channels_of(contact, false) {
        builder.field(&format!("{indent}phone"), &phone.with_releases(dataset));
    }
    for email in dataset.channels_of(contact, true) {
        builder.field(&format!("{indent}email"), &email.with_releases(dataset));
    }
}

fn event(builder: &mut Builder, dataset: &Dataset, announcement: usize, index: usize) {
    let parent = &dataset.announcements[announcement];
    let event = &parent.events[index];
    builder.paragraph(&event.title, builder.theme.heading);
    builder.blank();
    builder.field("when", &event.when());
    builder.field("place", event.place.as_deref().unwrap_or(""));
    builder.field(
        "status",
        event.status.map_or("", |status| {
            if status == crate::dataset::model::EventStatus::Held {
                "held"
            } else {
                "planned"
            }
        }),
    );
    for (field, source) in &event.sources {
        builder.field(field, source);
    }
    let words = event.as_written.as_deref().or(event.passage.as_deref());
    if let Some(words) = words {
        builder.heading("In the release");
        let passage = passage_spot(dataset, announcement, PassageKind::Event, Some(words));
        builder.fact(&format!("“{words}”"), passage);
    }
    builder.heading("Announced in");
    builder.link(
        &format!("{} {}", parent.date, parent.short_title),
        Record::Announcement(announcement),
    );
}

/// Splits text into lines of at most `width` display cells, at spaces where it can.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        // A blank line parts paragraphs; several in a row part them once.
        if paragraph.trim().is_empty() && lines.last().is_some_and(String::is_empty) {
            continue;
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            if word.width() > width {
                // A word wider than the pane is cut into pieces.
                for character in word.chars() {
                    if line.width() + character.width().unwrap_or(0) > width {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(character);
                }
            } else {
                line.push_str(word);
            }
        }
        lines.push(line);
    }
    lines
}

/// The text cut to `width` cells, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    crate::output::table::fit(text, width)
}
