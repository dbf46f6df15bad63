//! The embedded dataset checked against the seed press releases (kept, byte for byte, in
//! data/sources): dates, partners, press contacts as written, people whose roles change
//! between releases, statements on which releases disagree, and every fact's passage.

use std::collections::BTreeSet;

use accords::dataset::{Dataset, Record};
use accords::fold::fold_str;

fn dataset() -> Dataset {
    Dataset::embedded().expect("the embedded dataset is valid")
}

fn seed(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/sources")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Whitespace folded to single spaces, so a passage split over lines still matches.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_five_releases_have_their_dates() {
    let dataset = dataset();
    let dates: Vec<(&str, &str)> = dataset
        .announcements
        .iter()
        .map(|announcement| (announcement.id.as_str(), announcement.date.as_str()))
        .collect();
    assert_eq!(
        dates,
        [
            ("bergonie-2019", "2019-02-12"),
            ("leon-berard-2020", "2020-12-17"),
            ("paris-saclay-cancer-cluster-2021", "2021-06-30"),
            ("dana-farber-servier-2022", "2022-06-07"),
            ("amgen-partners-of-choice-2023", "2023-10-16"),
        ]
    );
    // Dates written in the seeds are quoted as written; the one date that is not in its
    // seed names where it comes from.
    for announcement in &dataset.announcements {
        let text = seed(&announcement.source);
        match announcement.date_as_written.as_deref() {
            Some(written) => assert!(
                text.contains(written),
                "{}: `{written}` not in its seed",
                announcement.id
            ),
            None => assert!(
                announcement.sources.keys().any(|field| field == "date"),
                "{} has no date source",
                announcement.id
            ),
        }
    }
    assert_eq!(
        dataset
            .announcement("bergonie-2019")
            .and_then(|announcement| announcement.date_as_written.as_deref()),
        Some("12nd february 2019")
    );
    let cluster = dataset
        .announcement("paris-saclay-cancer-cluster-2021")
        .expect("cluster release");
    assert!(
        cluster
            .sources
            .values()
            .any(|source| source.contains("June 30, 2021"))
    );
}

#[test]
fn each_release_has_its_partners_with_their_roles() {
    let dataset = dataset();
    let partners = |id: &str| -> BTreeSet<(String, &'static str)> {
        dataset
            .announcement(id)
            .expect("announcement")
            .partners
            .iter()
            .map(|partner| (partner.institution.to_string(), partner.role.as_str()))
            .collect()
    };
    let expect = |pairs: &[(&str, &'static str)]| -> BTreeSet<(String, &'static str)> {
        pairs
            .iter()
            .map(|(id, role)| ((*id).to_owned(), *role))
            .collect()
    };
    assert_eq!(
        partners("bergonie-2019"),
        expect(&[
            ("gustave-roussy", "signatory"),
            ("institut-bergonie", "signatory")
        ])
    );
    assert_eq!(
        partners("leon-berard-2020"),
        // "initient un partenariat stratégique": announced, not said to be signed.
        expect(&[
            ("gustave-roussy", "partner"),
            ("centre-leon-berard", "partner")
        ])
    );
    assert_eq!(
        partners("paris-saclay-cancer-cluster-2021"),
        expect(&[
            ("sanofi", "founder"),
            ("gustave-roussy", "founder"),
            ("inserm", "founder"),
            ("institut-polytechnique-de-paris", "founder"),
            ("universite-paris-saclay", "founder"),
        ])
    );
    assert_eq!(
        partners("dana-farber-servier-2022"),
        expect(&[
            ("dana-farber", "signatory"),
            ("gustave-roussy", "signatory"),
            // The title: "… and L'Institut Servier sign"; the first sentence: "have signed".
            ("institut-servier", "signatory")
        ])
    );
    let mut amgen = vec![("amgen", "founder")];
    for member in [
        "asan-medical-center",
        "dana-farber",
        "university-hospital-essen",
        "gustave-roussy",
        "memorial-sloan-kettering",
        "peter-maccallum",
        "princess-margaret",
        "vall-dhebron",
    ] {
        amgen.push((member, "member"));
    }
    assert_eq!(partners("amgen-partners-of-choice-2023"), expect(&amgen));
    // Mentioned institutions are linked, but not as partners.
    let mentioned: Vec<&str> = [
        "unicancer",
        "harvard-medical-school",
        "ditep",
        "paris-saclay-cancer-cluster",
        "dana-farber-brigham-cancer-center",
        "dana-farber-boston-childrens",
        "lank-center",
        "bergonie-early-phase-trials-unit",
    ]
    .into_iter()
    .filter(|id| {
        let index = dataset.institution_index(id).expect("institution");
        dataset.partnered_in(index).is_empty() && !dataset.mentioned_in(index).is_empty()
    })
    .collect();
    assert_eq!(mentioned.len(), 8, "{mentioned:?}");
    assert!(
        dataset
            .institution("amgen")
            .expect("amgen")
            .other_names
            .iter()
            .any(|name| name == "Amgen France")
    );
}

#[test]
fn press_contacts_are_exactly_as_written() {
    let dataset = dataset();
    let contact = |id: &str| match dataset.record(id) {
        Some(Record::Contact(index)) => index,
        other => panic!("{id}: {other:?}"),
    };
    // (id, organisation, phones, emails, releases)
    type Expected<'a> = (
        &'a str,
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
    );
    let expected: &[Expected] = &[
        (
            "claire-parisel",
            "Gustave Roussy",
            &["01 42 11 50 59", "06 17 66 00 26"],
            &["claire.parisel@gustaveroussy.fr", "presse@gustaveroussy.fr"],
            &["leon-berard-2020", "amgen-partners-of-choice-2023"],
        ),
        (
            "nathalie-blanc",
            "Centre Léon Bérard",
            &["06 77 94 38 36"],
            &["nathalie.blanc@lyon.unicancer.fr"],
            &["leon-berard-2020"],
        ),
        (
            "valentine-martin",
            "Agence PRPA",
            &["06 32 29 43 82"],
            &["valentine.martin@prpa.fr"],
            &["amgen-partners-of-choice-2023"],
        ),
        (
            "charlotte-scordia-warembourg",
            "Amgen France",
            &["06 25 15 17 96"],
            &["cwarembo@amgen.com"],
            &["amgen-partners-of-choice-2023"],
        ),
    ];
    assert_eq!(dataset.contacts.len(), expected.len());
    for (id, organization, phones, emails, releases) in expected {
        let index = contact(id);
        assert_eq!(dataset.contacts[index].organization, *organization, "{id}");
        assert_eq!(dataset.phones_of(index), *phones, "{id}");
        assert_eq!(dataset.emails_of(index), *emails, "{id}");
        let listed: Vec<&str> = dataset
            .contact_announcements(index)
            .into_iter()
            .map(|announcement| dataset.announcements[announcement].id.as_str())
            .collect();
        assert_eq!(listed, *releases, "{id}");
        // Every phone and email stands verbatim in the seed of each release that lists it.
        for (announcement, listing) in dataset.listings_of(index) {
            let text = seed(&dataset.announcements[announcement].source);
            for value in listing.phones.iter().chain(&listing.emails) {
                assert!(
                    text.contains(value.as_str()),
                    "{id}: `{value}` not in its seed"
                );
            }
        }
    }
    // Claire Parisel's email differs between releases: each stays with its release.
    let claire = contact("claire-parisel");
    let by_release: Vec<(&str, Vec<&str>)> = dataset
        .listings_of(claire)
        .map(|(announcement, listing)| {
            (
                dataset.announcements[announcement].id.as_str(),
                listing.emails.iter().map(|email| email.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        by_release,
        [
            ("leon-berard-2020", vec!["claire.parisel@gustaveroussy.fr"]),
            (
                "amgen-partners-of-choice-2023",
                vec!["presse@gustaveroussy.fr"]
            ),
        ]
    );
}

#[test]
fn roles_change_between_releases_and_are_never_merged() {
    let dataset = dataset();
    let roles = |id: &str| -> Vec<(String, Option<String>, String)> {
        dataset
            .person(id)
            .expect("person")
            .roles
            .iter()
            .map(|role| {
                (
                    role.title.to_string(),
                    role.institution.as_deref().map(str::to_owned),
                    role.announcement.to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        roles("jean-charles-soria"),
        [
            (
                "directeur général".to_owned(),
                Some("gustave-roussy".to_owned()),
                "leon-berard-2020".to_owned()
            ),
            (
                "global vice-président recherche et développement oncologie".to_owned(),
                Some("amgen".to_owned()),
                "amgen-partners-of-choice-2023".to_owned()
            ),
        ]
    );
    let barlesi = roles("fabrice-barlesi");
    assert_eq!(barlesi.len(), 2);
    assert!(
        barlesi
            .iter()
            .all(|(_, institution, _)| institution.as_deref() == Some("gustave-roussy"))
    );
    let blay: BTreeSet<Option<String>> = roles("jean-yves-blay")
        .into_iter()
        .map(|(_, institution, _)| institution)
        .collect();
    assert_eq!(
        blay,
        BTreeSet::from([
            Some("centre-leon-berard".to_owned()),
            Some("unicancer".to_owned())
        ])
    );
}

#[test]
fn quotes_and_roles_as_written_stand_in_their_seeds() {
    let dataset = dataset();
    let mut checked = 0;
    for announcement in &dataset.announcements {
        let text = squeeze(&seed(&announcement.source));
        for quote in &announcement.quotes {
            assert!(
                text.contains(&squeeze(&quote.text)),
                "{}: quote not in its seed: {}",
                announcement.id,
                quote.text
            );
            for speaker in &quote.speakers {
                assert!(
                    text.contains(&squeeze(&speaker.role)),
                    "{}: role `{}` not in its seed",
                    announcement.id,
                    speaker.role
                );
            }
            checked += 1;
        }
        for profile in &announcement.profiles {
            assert!(
                text.contains(&squeeze(&profile.text)),
                "{}: profile of {} not in its seed",
                announcement.id,
                profile.institution
            );
        }
        for event in &announcement.events {
            if let Some(written) = &event.as_written {
                assert!(
                    text.contains(&squeeze(written)),
                    "{}: `{written}` not in its seed",
                    event.id
                );
            }
        }
    }
    assert_eq!(checked, 14);
}

#[test]
fn statements_that_disagree_are_kept_with_their_release() {
    let dataset = dataset();
    let claims = |topic: &str| -> Vec<(String, String)> {
        dataset
            .announcements
            .iter()
            .flat_map(|announcement| {
                announcement
                    .profiles
                    .iter()
                    .filter(|profile| {
                        profile.institution == "gustave-roussy"
                            && profile.context.starts_with('À')
                                | profile.context.starts_with("About")
                                | profile.context.starts_with("site banner")
                    })
                    .flat_map(move |profile| {
                        profile
                            .claims
                            .iter()
                            .filter(move |claim| claim.topic == topic)
                            .map(move |claim| {
                                (announcement.id.to_string(), claim.value.to_string())
                            })
                    })
            })
            .collect()
    };
    let pairs = |values: &[(&str, &str)]| -> Vec<(String, String)> {
        values
            .iter()
            .map(|(id, value)| ((*id).to_owned(), (*value).to_owned()))
            .collect()
    };
    assert_eq!(
        claims("world-rank"),
        pairs(&[
            ("leon-berard-2020", "5"),
            ("dana-farber-servier-2022", "6"),
            ("amgen-partners-of-choice-2023", "3")
        ])
    );
    assert_eq!(
        claims("staff"),
        pairs(&[
            ("leon-berard-2020", "3100"),
            ("paris-saclay-cancer-cluster-2021", "3000"),
            ("dana-farber-servier-2022", "4100"),
            ("amgen-partners-of-choice-2023", "4100"),
        ])
    );
    assert_eq!(
        claims("trial-share"),
        pairs(&[
            ("leon-berard-2020", "25%"),
            ("dana-farber-servier-2022", "25%"),
            ("amgen-partners-of-choice-2023", "40%")
        ])
    );
}

#[test]
fn facts_from_outside_the_seeds_name_their_source() {
    let dataset = dataset();
    for institution in &dataset.institutions {
        if institution.coordinates.is_some() {
            assert!(
                institution.sources.contains_key(&"coordinates".into()),
                "{} coordinates have no source",
                institution.id
            );
        }
        let city = fold_str(&institution.city);
        let city_in_a_seed = dataset
            .announcements
            .iter()
            .any(|announcement| fold_str(&seed(&announcement.source)).contains(&city));
        assert!(
            city_in_a_seed || institution.sources.contains_key(&"city".into()),
            "{}: city {} is in no seed and names no source",
            institution.id,
            institution.city
        );
    }
}

/// Every fact that carries words of its release (quote, figure, event, claim, partner,
/// role, press listing) has them, and they are located in that release's text, which is
/// the very file in data/sources.
#[test]
fn every_fact_has_a_passage_that_resolves_in_its_release() {
    use accords::dataset::provenance::PassageKind;
    let dataset = dataset();
    let provenance = dataset.provenance();
    let mut expected = 0;
    for (index, announcement) in dataset.announcements.iter().enumerate() {
        let release = seed(&announcement.source);
        assert_eq!(
            provenance.text(index),
            Some(release.as_str()),
            "{}: the text the dataset holds is its source file",
            announcement.id
        );
        let mut facts: Vec<(PassageKind, String)> = Vec::new();
        for partner in &announcement.partners {
            let passage = partner.passage.as_ref().unwrap_or_else(|| {
                panic!(
                    "{}: partner {} has no passage",
                    announcement.id, partner.institution
                )
            });
            facts.push((PassageKind::Partner, passage.to_string()));
        }
        for quote in &announcement.quotes {
            facts.push((PassageKind::Quote, quote.text.to_string()));
        }
        for figure in &announcement.figures {
            facts.push((PassageKind::Figure, figure.as_written.to_string()));
        }
        for event in &announcement.events {
            let words = event.as_written.as_ref().or(event.passage.as_ref());
            let words = words.unwrap_or_else(|| panic!("{}: event has no passage", event.id));
            facts.push((PassageKind::Event, words.to_string()));
        }
        for profile in &announcement.profiles {
            for claim in &profile.claims {
                facts.push((PassageKind::Claim, claim.as_written.to_string()));
            }
        }
        for listing in &announcement.press_contacts {
            let passage = listing.passage.as_ref().unwrap_or_else(|| {
                panic!(
                    "{}: listing of {} has no passage",
                    announcement.id, listing.contact
                )
            });
            facts.push((PassageKind::Listing, passage.to_string()));
        }
        for person in &dataset.people {
            for role in person
                .roles
                .iter()
                .filter(|role| role.announcement == announcement.id)
            {
                let passage = role.passage.as_ref().unwrap_or_else(|| {
                    panic!("{}: role `{}` has no passage", person.id, role.title)
                });
                facts.push((PassageKind::Role, passage.to_string()));
            }
        }
        let passages = provenance.passages(index);
        assert_eq!(
            passages.len(),
            facts.len(),
            "{}: every fact located",
            announcement.id
        );
        for (kind, words) in facts {
            let passage = passages
                .iter()
                .find(|passage| passage.kind == kind && passage.text.as_str() == words)
                .unwrap_or_else(|| panic!("{}: {kind:?} `{words}` not located", announcement.id));
            // What is highlighted is the fact's words, whitespace aside.
            assert_eq!(
                squeeze(&release[passage.start..passage.end]),
                squeeze(&words)
            );
            let line = release
                .lines()
                .nth(passage.line - 1)
                .expect("the line exists");
            let from_column: String = line.chars().skip(passage.column - 1).collect();
            let first_word = words.split_whitespace().next().expect("words");
            assert!(
                from_column.starts_with(first_word),
                "{}: {kind:?} at {}:{} reads `{from_column}`",
                announcement.id,
                passage.line,
                passage.column
            );
            expected += 1;
        }
    }
    // 14 quotes and the releases' figures, events, claims, partners, roles and listings.
    assert!(expected > 150, "{expected} passages");
}

/// The fact-check's corrections, each as the release text has it.
#[test]
fn the_fact_checks_corrections_hold() {
    let dataset = dataset();
    let announcement = |id: &str| dataset.announcement(id).expect(id);

    // Paris Saclay 2021: "in 2030", and two separate objectives.
    let cluster = announcement("paris-saclay-cancer-cluster-2021");
    assert!(
        cluster
            .objectives
            .iter()
            .any(|objective| objective.contains("in 2030"))
    );
    assert!(
        !cluster
            .objectives
            .iter()
            .any(|objective| objective.contains("by 2030"))
    );
    let ambitious = cluster
        .objectives
        .iter()
        .find(|objective| objective.contains("most ambitious projects"))
        .expect("supporting the most ambitious projects");
    assert!(!ambitious.contains("100,000"), "{ambitious}");
    assert!(
        cluster
            .objectives
            .iter()
            .any(|objective| objective.contains("facilitating place")
                && objective.contains("100,000"))
    );
    // Its omissions: the legal structure before the first projects, the projects' focus,
    // and what comes after 2025.
    let event = |id: &str| {
        cluster
            .events
            .iter()
            .find(|event| event.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let legal = event("paris-saclay-cancer-cluster-2021-legal-structure");
    assert!(legal.title.contains("Managing Director"));
    assert!(
        event("paris-saclay-cancer-cluster-2021-first-projects")
            .title
            .contains("new therapeutic targets")
    );
    assert!(
        event("paris-saclay-cancer-cluster-2021-sustainability-expansion")
            .title
            .contains("bedside")
    );
    // The council's date is the CSIS's own, not the release page's.
    let council = event("paris-saclay-cancer-cluster-2021-strategic-council");
    let source = council
        .sources
        .get(&"date".into())
        .expect("a source for the date");
    assert!(
        source.contains("29 June 2021") && source.contains("CSIS"),
        "{source}"
    );
    assert!(!source.contains("June 30"), "{source}");

    // Dana-Farber 2022: creating synergies is Charpentier's belief, not an objective.
    let boston = announcement("dana-farber-servier-2022");
    assert!(
        !boston
            .objectives
            .iter()
            .any(|objective| objective.contains("ynerg"))
    );
    // Its "About" texts keep their "For further information" line.
    for institution in ["gustave-roussy", "institut-servier"] {
        let about = boston
            .profiles
            .iter()
            .find(|profile| {
                profile.institution == institution && profile.context.starts_with("About")
            })
            .expect("an About text");
        assert!(
            about.text.contains("For further information: www."),
            "{institution}"
        );
    }

    // Amgen 2023: the R&D experts are the seven other centres', and the tumour types
    // are examples ("notamment").
    let amgen = announcement("amgen-partners-of-choice-2023");
    assert!(amgen.summary.contains("seven other"), "{}", amgen.summary);
    assert!(!amgen.summary.contains("its oncology"), "{}", amgen.summary);
    assert!(amgen.summary.contains("among them"), "{}", amgen.summary);

    // Bergonié 2019: "long-standing" is the general director's word, not tied to
    // early-phase trials; the standfirst's two points are kept as written.
    let bergonie = announcement("bergonie-2019");
    assert!(!bergonie.summary.contains("long-standing"));
    assert!(
        bergonie
            .summary
            .contains("thoracic cancers and rare tumours")
    );
    assert_eq!(bergonie.standfirst.len(), 2);
    let text = seed(&bergonie.source);
    for line in &bergonie.standfirst {
        assert!(text.contains(line.as_str()), "`{line}` not in its seed");
    }

    // Amgen Partners of Choice has no seat in its release: no city, off the map.
    let network = dataset
        .institution("amgen-partners-of-choice")
        .expect("APoC");
    assert!(network.city.is_empty());
    assert!(network.coordinates.is_none());
    assert_eq!(dataset.institutions.len(), 25);
}

/// Rankings name who ranked, and the centres' missions are claims.
#[test]
fn rankings_name_their_source_and_missions_are_claims() {
    let dataset = dataset();
    let claims: Vec<(&str, &str, &str, Option<&str>)> = dataset
        .announcements
        .iter()
        .flat_map(|announcement| {
            announcement.profiles.iter().flat_map(move |profile| {
                profile.claims.iter().map(move |claim| {
                    (
                        announcement.id.as_str(),
                        profile.institution.as_str(),
                        claim.topic.as_str(),
                        claim.source.as_deref(),
                    )
                })
            })
        })
        .collect();
    let source_of = |announcement: &str, institution: &str, topic: &str| {
        claims
            .iter()
            .find(|claim| claim.0 == announcement && claim.1 == institution && claim.2 == topic)
            .unwrap_or_else(|| panic!("{announcement} {institution} {topic}"))
            .3
    };
    assert_eq!(
        source_of("dana-farber-servier-2022", "gustave-roussy", "world-rank"),
        Some("Newsweek")
    );
    assert_eq!(
        source_of("dana-farber-servier-2022", "dana-farber", "us-rank"),
        Some("U.S. News & World Report")
    );
    for centre in ["gustave-roussy", "centre-leon-berard"] {
        assert_eq!(
            source_of("leon-berard-2020", centre, "researcher-ranking"),
            Some("Clarivate Analytics")
        );
        assert_eq!(source_of("leon-berard-2020", centre, "missions"), None);
    }
}

/// What the 2023 release says about Amgen France is Amgen France's: its claims form
/// their own chains, headed by that name, and its handles are a field.
#[test]
fn statements_about_amgen_france_are_amgen_frances() {
    let dataset = dataset();
    let amgen = dataset.institution_index("amgen").expect("amgen");
    let history = dataset.claim_history(amgen);
    let staff = history
        .iter()
        .find(|topic| topic.topic == "staff")
        .expect("a staff chain");
    assert_eq!(staff.about.as_deref(), Some("Amgen France"));
    assert_eq!(staff.label(), "Amgen France — staff");
    assert_eq!(staff.entries[0].value, "360");
    assert!(
        history
            .iter()
            .all(|topic| topic.about.as_deref() == Some("Amgen France"))
    );
    let (_, profile) = dataset
        .profiles_of("amgen")
        .find(|(_, profile)| profile.about.is_some())
        .expect("the About text");
    let handles: Vec<&str> = profile
        .handles
        .iter()
        .map(|handle| handle.as_str())
        .collect();
    assert_eq!(
        handles,
        ["@AmgenFrance", "#VivonsInnovons", "#WeAreBiotech"]
    );
    // Gustave Roussy's chains are its own.
    let gustave = dataset
        .institution_index("gustave-roussy")
        .expect("gustave-roussy");
    assert!(
        dataset
            .claim_history(gustave)
            .iter()
            .all(|topic| topic.about.is_none())
    );
}
