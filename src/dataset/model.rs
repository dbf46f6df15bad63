//! The dataset's records as a curator writes them in YAML, and as `show --format json`
//! prints them. This module is the schema: `data/README.md` documents it field by field.
//! It owns the shapes and the per-value limits enforced while parsing (see [`Text`]);
//! cross-record checks (ids, references, dates) belong to `validate`.
//!
//! An optional field that is absent stays out of the JSON (`skip_serializing_none` on each
//! struct that has one), and one missing from the YAML reads as `None` without a
//! `default`, which serde's derive gives every `Option` field not read by a function.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use super::date::WrittenDate;
pub(crate) use super::text::{Text, forget_shared_text};

fn is_blank(text: &Text) -> bool {
    text.is_empty()
}

/// Where the facts that are not in the seed texts come from: field name → source. Reading
/// refuses a field written twice: YAML maps are last-wins, which would drop a source
/// silently.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct FieldSources(BTreeMap<Text, Text>);

impl FieldSources {
    /// Named for `skip_serializing_if`, which cannot reach the map's own through `Deref`.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Deref for FieldSources {
    type Target = BTreeMap<Text, Text>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<'a> IntoIterator for &'a FieldSources {
    type Item = (&'a Text, &'a Text);
    type IntoIter = std::collections::btree_map::Iter<'a, Text, Text>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de> Deserialize<'de> for FieldSources {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourcesVisitor;
        impl<'de> serde::de::Visitor<'de> for SourcesVisitor {
            type Value = FieldSources;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a map of field names to sources")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<FieldSources, A::Error> {
                let mut sources = BTreeMap::new();
                while let Some((field, source)) = map.next_entry::<Text, Text>()? {
                    if sources.contains_key(&field) {
                        return Err(serde::de::Error::custom(format!(
                            "duplicate key `{field}` in `sources`; expected each field once, with one source"
                        )));
                    }
                    sources.insert(field, source);
                }
                Ok(FieldSources(sources))
            }
        }
        deserializer.deserialize_map(SourcesVisitor)
    }
}

/// A number that is a number: `.nan` and `.inf` are YAML floats, but no count, latitude or
/// longitude, and JSON would print them as `null`.
fn finite<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    struct FiniteVisitor;
    impl serde::de::Visitor<'_> for FiniteVisitor {
        type Value = f64;
        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a finite number")
        }
        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<f64, E> {
            if value.is_finite() {
                Ok(value)
            } else {
                Err(E::custom(format!(
                    "`{value}` is not a finite number; expected a number like 42 or 1.5"
                )))
            }
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<f64, E> {
            Ok(value as f64)
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<f64, E> {
            Ok(value as f64)
        }
    }
    deserializer.deserialize_f64(FiniteVisitor)
}

/// One YAML file of a dataset. Every section is optional, so a dataset can be one file
/// or a directory with a file per announcement.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetFile {
    #[serde(default)]
    pub(crate) announcements: Vec<Announcement>,
    #[serde(default)]
    pub(crate) institutions: Vec<Institution>,
    #[serde(default)]
    pub(crate) people: Vec<Person>,
    #[serde(default)]
    pub(crate) contacts: Vec<Contact>,
}

/// A press release announcing a partnership.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    pub id: Text,
    /// ISO date, `YYYY-MM-DD`.
    pub date: WrittenDate,
    /// The date exactly as the release writes it, when it differs from ISO.
    pub date_as_written: Option<Text>,
    /// The title as written, in the release's language.
    pub title: Text,
    /// An English title, for releases in another language.
    pub title_en: Option<Text>,
    /// A short English title for lists.
    pub short_title: Text,
    /// The lines some releases print under the title, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standfirst: Vec<Text>,
    /// ISO 639-1 code of the release's language (`en`, `fr`).
    pub language: Text,
    /// The places of the dateline, as written.
    #[serde(default)]
    pub(crate) dateline: Vec<Text>,
    /// The kind of agreement, in English (`partnership agreement`, `cooperation agreement`).
    pub(crate) kind: Text,
    /// The agreement's duration, where the release states one.
    pub(crate) duration: Option<Text>,
    /// A short summary in English, in the curator's own words.
    pub summary: Text,
    #[serde(default)]
    pub objectives: Vec<Text>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub events: Vec<Event>,
    pub partners: Vec<Partner>,
    /// Institutions the release names without being party to the agreement.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub press_contacts: Vec<PressListing>,
    /// What the release says about an institution ("About …" paragraphs, banners).
    #[serde(default)]
    pub profiles: Vec<Profile>,
    #[serde(default)]
    pub(crate) links: Vec<Link>,
    /// The seed file the release was curated from.
    pub source: Text,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
}

/// An institution's part in an agreement.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    Serialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum PartnerRole {
    Founder,
    Member,
    Signatory,
    Supporter,
    /// Party to a partnership the release announces without saying it is signed.
    Partner,
}

impl PartnerRole {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub institution: Text,
    pub role: PartnerRole,
    /// What the release says this partner does, in English (optional).
    pub note: Option<Text>,
    /// The words of the release that state this, exactly (whitespace aside).
    pub passage: Option<Text>,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub(crate) occurrence: Option<u32>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    pub(crate) institution: Text,
    /// How the release mentions it, in English.
    pub(crate) context: Option<Text>,
}

/// A number the release gives, with what it counts.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    #[serde(deserialize_with = "finite")]
    pub(crate) number: f64,
    pub(crate) unit: Option<Text>,
    /// What the number counts, in English.
    pub(crate) counts: Text,
    /// The figure exactly as written ("more than 1,700", "23 000").
    pub as_written: Text,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub(crate) occurrence: Option<u32>,
}

/// How an event's date relates to the event ("by the end of 2021", "from 2021/2022").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Qualifier {
    By,
    From,
    After,
    Before,
    In,
    During,
    Within,
}

impl Qualifier {
    pub(crate) fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum EventStatus {
    Held,
    Planned,
}

/// A dated event or milestone, at the precision the release gives.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Text,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a span `YYYY/YYYY`.
    pub(crate) date: WrittenDate,
    pub(crate) qualifier: Option<Qualifier>,
    pub(crate) status: Option<EventStatus>,
    /// In English.
    pub title: Text,
    pub(crate) place: Option<Text>,
    /// The passage that dates the event, exactly as written.
    pub as_written: Option<Text>,
    /// The words that name the event, for one whose date is not in the release.
    pub passage: Option<Text>,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub(crate) occurrence: Option<u32>,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
}

impl Event {
    /// When the event happens, at the precision and with the qualifier the release gives:
    /// `by 2021`, `2021-06-29`.
    pub(crate) fn when(&self) -> String {
        match self.qualifier {
            Some(qualifier) => format!("{} {}", qualifier.as_str(), self.date),
            None => self.date.to_string(),
        }
    }
}

/// Words quoted in a release, in its original language.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub speakers: Vec<Speaker>,
    pub text: Text,
    /// A collective attribution as written ("expliquent les deux directeurs généraux").
    pub attribution: Option<Text>,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub(crate) occurrence: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    pub(crate) person: Text,
    /// The speaker's role exactly as this release writes it.
    pub role: Text,
}

/// A press contact as one release lists it.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PressListing {
    pub contact: Text,
    /// The heading the contact stands under, as written ("CENTRE LEON BERARD").
    pub(crate) heading: Option<Text>,
    #[serde(default)]
    pub phones: Vec<Text>,
    #[serde(default)]
    pub emails: Vec<Text>,
    /// The words of the release that state this, exactly (whitespace aside).
    pub passage: Option<Text>,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub occurrence: Option<u32>,
}

/// What one release states about an institution.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub institution: Text,
    /// The other name of the institution the statement is about, when it is about that
    /// name ("Amgen France") rather than the institution as a whole.
    pub about: Option<Text>,
    /// Where in the release it stands ("About Gustave Roussy", "site banner").
    pub context: Text,
    /// The statement exactly as written.
    pub text: Text,
    /// Comparable claims drawn from the text, for histories across releases.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Social-media handles and hashtags the statement gives, as written (`@AmgenFrance`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handles: Vec<Text>,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// A slug naming what is claimed (`world-rank`, `staff`, `trial-share`).
    pub topic: Text,
    /// The value in a comparable form (`5`, `3100`, `25%`).
    pub value: Text,
    /// The words of the release that make the claim.
    pub as_written: Text,
    /// Whom the release credits for the claim (a ranking's publisher: "Newsweek").
    pub source: Option<Text>,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub(crate) occurrence: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Link {
    pub(crate) label: Text,
    pub(crate) url: Text,
}

/// What sort of organisation an institution is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Deserialize,
    Serialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum InstitutionKind {
    CancerCentre,
    Hospital,
    PharmaCompany,
    ResearchOrganisation,
    University,
    MedicalSchool,
    NonProfit,
    Federation,
    Network,
    Cluster,
    Department,
}

impl InstitutionKind {
    pub(crate) fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    #[serde(deserialize_with = "finite")]
    pub(crate) lat: f64,
    #[serde(deserialize_with = "finite")]
    pub(crate) lon: f64,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    pub id: Text,
    pub name: Text,
    /// Other names the releases use (translations, abbreviations, affiliates).
    #[serde(default)]
    pub other_names: Vec<Text>,
    pub kind: InstitutionKind,
    /// The institution this one belongs to (a department's hospital).
    pub parent: Option<Text>,
    /// Empty only for a network, whose release may state no seat.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub city: Text,
    /// ISO 3166-1 alpha-2.
    pub country: Text,
    pub coordinates: Option<Coordinates>,
    pub website: Option<Text>,
    pub(crate) address: Option<Text>,
    pub(crate) phone: Option<Text>,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: Text,
    pub name: Text,
    /// As the releases write it before the name (`Pr`, `Prof.`, `Dr`) or after it (`MD`).
    pub(crate) honorific: Option<Text>,
    /// One entry per role per release: roles change between releases and are never merged.
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
}

#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The title as written in that release.
    pub title: Text,
    /// The title in English, for releases in another language.
    pub(crate) title_en: Option<Text>,
    pub institution: Option<Text>,
    pub announcement: Text,
    /// The words of the release that state this, exactly (whitespace aside).
    pub passage: Option<Text>,
    /// Which occurrence of the passage's words in the release is meant, from 1, when
    /// they occur more than once and the first is not the one.
    pub(crate) occurrence: Option<u32>,
}

/// A press contact: who they are. What each release lists for them is a [`PressListing`].
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: Text,
    pub name: Text,
    /// The organisation named beside the contact, in normal case.
    pub organization: Text,
    /// The institution the contact speaks for.
    pub represents: Text,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub(crate) sources: FieldSources,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's absent optional fields are neither required in the YAML nor written in
    /// the JSON, while the ones it has are written in the schema's order.
    #[test]
    fn absent_optional_fields_are_left_out() {
        let partner: Partner =
            serde_yaml::from_str("institution: amgen\nrole: partner\n").expect("parsed");
        assert!(partner.note.is_none() && partner.passage.is_none());
        assert_eq!(
            serde_json::to_string(&partner).expect("serialised"),
            r#"{"institution":"amgen","role":"partner"}"#
        );
        let partner: Partner =
            serde_yaml::from_str("occurrence: 2\ninstitution: amgen\nrole: partner\n")
                .expect("parsed");
        assert_eq!(
            serde_json::to_string(&partner).expect("serialised"),
            r#"{"institution":"amgen","role":"partner","occurrence":2}"#
        );
    }

    /// The names strum derives are the names serde reads and writes: `list`, the filter's
    /// facets and the JSON output all show one spelling.
    #[test]
    fn each_variants_name_is_its_yaml_name() {
        use strum::VariantArray as _;
        fn check<T: serde::Serialize + std::fmt::Debug>(
            variants: &[T],
            name: impl Fn(&T) -> &'static str,
        ) {
            for variant in variants {
                let yaml = serde_json::to_value(variant).expect("serialised");
                assert_eq!(yaml.as_str(), Some(name(variant)), "{variant:?}");
            }
        }
        check(PartnerRole::VARIANTS, |role| role.as_str());
        check(Qualifier::VARIANTS, |qualifier| qualifier.as_str());
        check(InstitutionKind::VARIANTS, |kind| kind.as_str());
        assert_eq!(InstitutionKind::NonProfit.as_str(), "non-profit");
        assert_eq!(
            InstitutionKind::ResearchOrganisation.as_str(),
            "research-organisation"
        );
    }
}
