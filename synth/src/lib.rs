//! The synthetic dataset generator of `examples/synth.rs`, the benchmarks and the tests
//! that need a large dataset: a crate of its own, so that it is compiled once.
//! Everything is derived from one seed by a SplitMix64 generator, so the same arguments
//! always give the same bytes.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

use accords::fold::fold_str;

/// SplitMix64: tiny, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Fr,
    De,
    Es,
    Ko,
}

const LANGS: [Lang; 5] = [Lang::En, Lang::Fr, Lang::De, Lang::Es, Lang::Ko];

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::Ko => "ko",
        }
    }
}

/// (as written, in English, country, lat, lon)
type City = (&'static str, &'static str, &'static str, f64, f64);

fn cities(lang: Lang) -> &'static [City] {
    match lang {
        Lang::Fr => &[
            ("Paris", "Paris", "FR", 48.86, 2.35),
            ("Lyon", "Lyon", "FR", 45.76, 4.84),
            ("Marseille", "Marseille", "FR", 43.30, 5.37),
            ("Bordeaux", "Bordeaux", "FR", 44.84, -0.58),
            ("Nantes", "Nantes", "FR", 47.22, -1.55),
            ("Besançon", "Besançon", "FR", 47.24, 6.02),
            ("Nîmes", "Nîmes", "FR", 43.84, 4.36),
            ("Saint-Étienne", "Saint-Étienne", "FR", 45.43, 4.39),
            ("Villejuif", "Villejuif", "FR", 48.79, 2.36),
            ("Clermont-Ferrand", "Clermont-Ferrand", "FR", 45.78, 3.08),
            ("Angers", "Angers", "FR", 47.47, -0.55),
            ("Créteil", "Créteil", "FR", 48.79, 2.46),
            ("Genève", "Geneva", "CH", 46.20, 6.14),
            ("Liège", "Liège", "BE", 50.63, 5.57),
            ("Québec", "Quebec City", "CA", 46.81, -71.21),
        ],
        Lang::De => &[
            ("München", "Munich", "DE", 48.14, 11.58),
            ("Köln", "Cologne", "DE", 50.94, 6.96),
            ("Düsseldorf", "Düsseldorf", "DE", 51.23, 6.77),
            ("Tübingen", "Tübingen", "DE", 48.52, 9.06),
            ("Würzburg", "Würzburg", "DE", 49.79, 9.95),
            ("Göttingen", "Göttingen", "DE", 51.54, 9.93),
            ("Münster", "Münster", "DE", 51.96, 7.63),
            ("Lübeck", "Lübeck", "DE", 53.87, 10.69),
            ("Heidelberg", "Heidelberg", "DE", 49.40, 8.67),
            ("Essen", "Essen", "DE", 51.46, 7.01),
            ("Gießen", "Giessen", "DE", 50.58, 8.68),
            ("Wien", "Vienna", "AT", 48.21, 16.37),
            ("Zürich", "Zurich", "CH", 47.37, 8.54),
        ],
        Lang::Es => &[
            ("Madrid", "Madrid", "ES", 40.42, -3.70),
            ("Barcelona", "Barcelona", "ES", 41.39, 2.17),
            ("Sevilla", "Seville", "ES", 37.39, -5.98),
            ("Málaga", "Málaga", "ES", 36.72, -4.42),
            ("Córdoba", "Córdoba", "ES", 37.89, -4.78),
            ("A Coruña", "A Coruña", "ES", 43.36, -8.41),
            ("León", "León", "ES", 42.60, -5.57),
            ("Cádiz", "Cádiz", "ES", 36.53, -6.29),
            ("Logroño", "Logroño", "ES", 42.47, -2.45),
            ("Valencia", "Valencia", "ES", 39.47, -0.38),
            ("Bogotá", "Bogotá", "CO", 4.71, -74.07),
            ("Ciudad de México", "Mexico City", "MX", 19.43, -99.13),
        ],
        Lang::En => &[
            ("London", "London", "GB", 51.51, -0.13),
            ("Manchester", "Manchester", "GB", 53.48, -2.24),
            ("Boston", "Boston", "US", 42.36, -71.06),
            ("Houston", "Houston", "US", 29.76, -95.37),
            ("New York", "New York", "US", 40.71, -74.01),
            ("Baltimore", "Baltimore", "US", 39.29, -76.61),
            ("Seattle", "Seattle", "US", 47.61, -122.33),
            ("Toronto", "Toronto", "CA", 43.65, -79.38),
            ("Sydney", "Sydney", "AU", -33.87, 151.21),
            ("Melbourne", "Melbourne", "AU", -37.81, 144.96),
            ("Edinburgh", "Edinburgh", "GB", 55.95, -3.19),
            ("Dublin", "Dublin", "IE", 53.35, -6.26),
        ],
        Lang::Ko => &[
            ("서울", "Seoul", "KR", 37.57, 126.98),
            ("부산", "Busan", "KR", 35.18, 129.08),
            ("대구", "Daegu", "KR", 35.87, 128.60),
            ("인천", "Incheon", "KR", 37.46, 126.71),
            ("광주", "Gwangju", "KR", 35.16, 126.85),
            ("대전", "Daejeon", "KR", 36.35, 127.38),
            ("울산", "Ulsan", "KR", 35.54, 129.31),
            ("수원", "Suwon", "KR", 37.26, 127.03),
        ],
    }
}

/// (as written, romanised for ids)
type Name = (&'static str, &'static str);

fn given_names(lang: Lang) -> &'static [Name] {
    match lang {
        Lang::Fr => &[
            ("Amélie", "amelie"),
            ("François", "francois"),
            ("Hélène", "helene"),
            ("Chloé", "chloe"),
            ("Jean-Baptiste", "jean-baptiste"),
            ("Zoé", "zoe"),
            ("Benoît", "benoit"),
            ("Agnès", "agnes"),
            ("Gaëlle", "gaelle"),
            ("Jérôme", "jerome"),
            ("Céline", "celine"),
            ("Éric", "eric"),
            ("Maëlle", "maelle"),
            ("Thérèse", "therese"),
            ("Loïc", "loic"),
            ("Noël", "noel"),
        ],
        Lang::De => &[
            ("Jürgen", "jurgen"),
            ("Käthe", "kathe"),
            ("Jörg", "jorg"),
            ("Björn", "bjorn"),
            ("Ursula", "ursula"),
            ("Matthias", "matthias"),
            ("Sönke", "sonke"),
            ("Anneliese", "anneliese"),
            ("Günther", "gunther"),
            ("Hannelore", "hannelore"),
            ("Lukas", "lukas"),
            ("Bärbel", "barbel"),
        ],
        Lang::Es => &[
            ("José", "jose"),
            ("María", "maria"),
            ("Íñigo", "inigo"),
            ("Begoña", "begona"),
            ("Martín", "martin"),
            ("Ramón", "ramon"),
            ("Lucía", "lucia"),
            ("Inés", "ines"),
            ("Sebastián", "sebastian"),
            ("Marta", "marta"),
            ("Joaquín", "joaquin"),
            ("Ángela", "angela"),
        ],
        Lang::En => &[
            ("Sarah", "sarah"),
            ("Michael", "michael"),
            ("Emily", "emily"),
            ("James", "james"),
            ("Olivia", "olivia"),
            ("David", "david"),
            ("Rachel", "rachel"),
            ("Thomas", "thomas"),
            ("Grace", "grace"),
            ("Daniel", "daniel"),
            ("Hannah", "hannah"),
            ("Patrick", "patrick"),
        ],
        Lang::Ko => &[
            ("민준", "minjun"),
            ("서연", "seoyeon"),
            ("지훈", "jihun"),
            ("하은", "haeun"),
            ("도윤", "doyun"),
            ("지우", "jiu"),
            ("예준", "yejun"),
            ("수아", "sua"),
            ("현우", "hyeonu"),
            ("지민", "jimin"),
        ],
    }
}

fn surnames(lang: Lang) -> &'static [Name] {
    match lang {
        Lang::Fr => &[
            ("Lefèvre", "lefevre"),
            ("Bérard", "berard"),
            ("Moreau", "moreau"),
            ("Rousseau", "rousseau"),
            ("Ménard", "menard"),
            ("Lemaître", "lemaitre"),
            ("Cœurdacier", "coeurdacier"),
            ("Lœwenbruck", "loewenbruck"),
            ("Gauthier", "gauthier"),
            ("Duchêne", "duchene"),
            ("Béranger", "beranger"),
            ("Fournié", "fournie"),
            ("Chevalier", "chevalier"),
            ("Hébert", "hebert"),
            ("Lacôte", "lacote"),
            ("Vœlckel", "voelckel"),
        ],
        Lang::De => &[
            ("Müller", "muller"),
            ("Schäfer", "schafer"),
            ("Weiß", "weiss"),
            ("Strauß", "strauss"),
            ("Brückner", "bruckner"),
            ("Köhler", "kohler"),
            ("Schröder", "schroder"),
            ("Meißner", "meissner"),
            ("Hoffmann", "hoffmann"),
            ("Krämer", "kramer"),
            ("Größmann", "grossmann"),
            ("Fuß", "fuss"),
            ("Lindström", "lindstrom"),
        ],
        Lang::Es => &[
            ("Núñez", "nunez"),
            ("Peña", "pena"),
            ("Muñoz", "munoz"),
            ("Ibáñez", "ibanez"),
            ("Gómez", "gomez"),
            ("Fernández", "fernandez"),
            ("Álvarez", "alvarez"),
            ("Martínez", "martinez"),
            ("Sánchez", "sanchez"),
            ("Rodríguez", "rodriguez"),
            ("Pérez", "perez"),
            ("Castaño", "castano"),
        ],
        Lang::En => &[
            ("O'Brien", "obrien"),
            ("Smith", "smith"),
            ("Johnson", "johnson"),
            ("Thompson", "thompson"),
            ("Clarke", "clarke"),
            ("Harris", "harris"),
            ("Whitfield", "whitfield"),
            ("McAllister", "mcallister"),
            ("Fitzgerald", "fitzgerald"),
            ("Reynolds", "reynolds"),
            ("Kowalski", "kowalski"),
            ("Nguyen", "nguyen"),
        ],
        Lang::Ko => &[
            ("김", "kim"),
            ("이", "lee"),
            ("박", "park"),
            ("최", "choi"),
            ("정", "jung"),
            ("강", "kang"),
            ("조", "cho"),
            ("윤", "yoon"),
            ("장", "jang"),
            ("임", "lim"),
        ],
    }
}

/// Institution name patterns: `{c}` the city as written, `{s}` a surname.
fn institution_patterns(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fr => &[
            ("Centre Hospitalier Universitaire de {c}", "hospital"),
            ("Institut de Cancérologie de {c}", "cancer-centre"),
            ("Centre de Lutte contre le Cancer {s}", "cancer-centre"),
            ("Université de {c}", "university"),
            ("Fondation {s} pour la Recherche", "non-profit"),
            ("Laboratoires {s}", "pharma-company"),
            ("Institut {s} d'Oncologie de {c}", "research-organisation"),
            ("Réseau Régional de Cancérologie de {c}", "network"),
        ],
        Lang::De => &[
            ("Universitätsklinikum {c}", "hospital"),
            ("Tumorzentrum {c}", "cancer-centre"),
            ("Krebsforschungsinstitut {s} {c}", "research-organisation"),
            ("Universität {c}", "university"),
            ("{s}-Stiftung für Krebsforschung", "non-profit"),
            ("{s} Pharma GmbH", "pharma-company"),
            ("Klinik für Onkologie {s}", "department"),
        ],
        Lang::Es => &[
            ("Hospital Universitario de {c}", "hospital"),
            ("Instituto de Oncología {s} de {c}", "cancer-centre"),
            ("Universidad de {c}", "university"),
            ("Fundación {s} contra el Cáncer", "non-profit"),
            ("Laboratorios {s}", "pharma-company"),
            (
                "Centro de Investigación Oncológica de {c}",
                "research-organisation",
            ),
        ],
        Lang::En => &[
            ("{c} Cancer Centre", "cancer-centre"),
            ("University of {c}", "university"),
            ("{s} Memorial Hospital", "hospital"),
            ("{s} Therapeutics", "pharma-company"),
            ("{s} Foundation for Cancer Research", "non-profit"),
            ("{c} Institute of Oncology", "research-organisation"),
            ("{s} Oncology Network", "network"),
        ],
        Lang::Ko => &[
            ("{c}대학교병원", "hospital"),
            ("{c}암센터", "cancer-centre"),
            ("{c}대학교", "university"),
            ("{s}제약", "pharma-company"),
            ("{c}{s}암연구재단", "non-profit"),
        ],
    }
}

/// (in English, French, German, Spanish, Korean)
const TOPICS: &[[&str; 5]] = &[
    [
        "early-phase trials",
        "les essais précoces",
        "frühe klinische Studien",
        "los ensayos clínicos tempranos",
        "초기 임상시험",
    ],
    [
        "immunotherapy",
        "l'immunothérapie",
        "Immuntherapie",
        "la inmunoterapia",
        "면역항암치료",
    ],
    [
        "precision medicine",
        "la médecine de précision",
        "Präzisionsmedizin",
        "la medicina de precisión",
        "정밀의료",
    ],
    [
        "paediatric cancers",
        "les cancers pédiatriques",
        "Kinderkrebs",
        "el cáncer infantil",
        "소아암",
    ],
    [
        "rare tumours",
        "les tumeurs rares",
        "seltene Tumoren",
        "los tumores raros",
        "희귀암",
    ],
    [
        "radiotherapy",
        "la radiothérapie",
        "Strahlentherapie",
        "la radioterapia",
        "방사선치료",
    ],
    [
        "cell therapy",
        "la thérapie cellulaire",
        "Zelltherapie",
        "la terapia celular",
        "세포치료",
    ],
    [
        "cancer genomics",
        "la génomique des cancers",
        "Krebsgenomik",
        "la genómica del cáncer",
        "암 유전체",
    ],
];

const KINDS: &[&str] = &[
    "partnership agreement",
    "strategic partnership",
    "cooperation agreement",
    "research collaboration",
    "partner network",
    "licensing agreement",
];

const OBJECTIVES: &[&str] = &[
    "Open more early-phase trials to patients of both centres",
    "Share molecular tumour boards and sequencing platforms",
    "Train young oncologists through joint fellowships",
    "Pool biobank samples for translational research",
    "Speed up contracting with industrial sponsors",
    "Build a shared registry of rare tumours",
];

/// Roles as written in each language, with an English title.
fn roles(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fr => &[
            ("directeur général", "general director"),
            ("présidente du directoire", "chair of the board"),
            ("cheffe du service d’oncologie", "head of oncology"),
        ],
        Lang::De => &[
            ("Ärztlicher Direktor", "medical director"),
            ("Chefärztin der Onkologie", "head of oncology"),
            ("Vorstandsvorsitzender", "chair of the board"),
        ],
        Lang::Es => &[
            ("directora científica", "scientific director"),
            ("jefe de servicio de oncología", "head of oncology"),
            ("director gerente", "managing director"),
        ],
        Lang::En => &[
            ("Head of Clinical Research", "Head of Clinical Research"),
            ("Chief Executive Officer", "Chief Executive Officer"),
            ("Director of Oncology", "Director of Oncology"),
        ],
        Lang::Ko => &[
            ("연구소장", "director of research"),
            ("병원장", "hospital director"),
            ("종양내과 교수", "professor of medical oncology"),
        ],
    }
}

fn lang_index(lang: Lang) -> usize {
    LANGS.iter().position(|l| *l == lang).unwrap_or(0)
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for character in fold_str(text).chars() {
        if character.is_ascii_alphanumeric() {
            out.push(character);
        } else if !out.is_empty() && !out.ends_with('-') && character != '\'' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A YAML double-quoted string.
fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(character),
        }
    }
    out.push('"');
    out
}

struct Institution {
    id: String,
    /// The id's readable part, for announcement ids.
    slug: String,
    name: String,
    short: String,
    lang: Lang,
    city: &'static City,
    kind: &'static str,
    other: Option<String>,
}

struct Person {
    id: String,
    name: String,
    lang: Lang,
    institution: usize,
    role: usize,
    /// The announcement the role is stated in (set once one quotes them).
    announcement: Option<usize>,
}

struct Contact {
    id: String,
    name: String,
    organization: String,
    institution: usize,
    email: String,
    phone: String,
}

struct World {
    institutions: Vec<Institution>,
    people: Vec<Person>,
    contacts: Vec<Contact>,
}

fn person_name(rng: &mut Rng, lang: Lang) -> (String, String) {
    let (given, given_id) = *rng.pick(given_names(lang));
    let (family, family_id) = *rng.pick(surnames(lang));
    match lang {
        Lang::Ko => (
            format!("{family}{given}"),
            format!("{family_id}-{given_id}"),
        ),
        Lang::Es if rng.chance(50) => {
            let (second, second_id) = *rng.pick(surnames(lang));
            (
                format!("{given} {family} {second}"),
                format!("{given_id}-{family_id}-{second_id}"),
            )
        }
        _ => (
            format!("{given} {family}"),
            format!("{given_id}-{family_id}"),
        ),
    }
}

fn world(rng: &mut Rng, announcements: usize) -> World {
    let institution_count = (announcements / 20).max(12);
    let people_count = (announcements / 4).max(10);
    let contact_count = (institution_count / 2).max(6);
    let mut names = HashSet::new();
    let mut institutions = Vec::with_capacity(institution_count);
    for index in 0..institution_count {
        let lang = LANGS[index % LANGS.len()];
        let (name, city, kind, family) = loop {
            let (pattern, kind) = *rng.pick(institution_patterns(lang));
            let city = rng.pick(cities(lang));
            let family = rng.pick(surnames(lang)).0;
            let mut name = pattern.replace("{c}", city.0).replace("{s}", family);
            if names.contains(&name) {
                // Institutions of one name in many places, as networks have.
                name = format!("{name} ({})", city.0);
                if names.contains(&name) {
                    name = format!("{name} {index}");
                }
            }
            if names.insert(name.clone()) {
                break (name, city, kind, family);
            }
        };
        let short = match kind {
            "pharma-company" | "non-profit" => family.to_owned(),
            _ => city.0.to_owned(),
        };
        let other = rng.chance(30).then(|| {
            name.split([' ', '-'])
                .filter_map(|word| word.chars().next())
                .filter(|c| c.is_uppercase())
                .collect::<String>()
        });
        let base = if short == city.0 {
            slug(city.1)
        } else {
            slug(&format!("{} {}", city.1, short))
        };
        let base = if base.is_empty() {
            "institution".to_owned()
        } else {
            base
        };
        institutions.push(Institution {
            id: format!("{base}-{index}"),
            slug: base
                .chars()
                .take(24)
                .collect::<String>()
                .trim_end_matches('-')
                .to_owned(),
            name,
            short,
            lang,
            city,
            kind,
            other: other.filter(|o| o.chars().count() >= 2),
        });
    }
    let mut people = Vec::with_capacity(people_count);
    for index in 0..people_count {
        let institution = rng.below(institution_count);
        let lang = institutions[institution].lang;
        let (name, id) = person_name(rng, lang);
        people.push(Person {
            id: format!("{id}-{index}"),
            name,
            lang,
            institution,
            role: rng.below(3),
            announcement: None,
        });
    }
    let mut contacts = Vec::with_capacity(contact_count);
    for index in 0..contact_count {
        let institution = rng.below(institution_count);
        let lang = institutions[institution].lang;
        let (name, id) = person_name(rng, lang);
        let organization = if rng.chance(30) {
            match lang {
                Lang::Fr => format!("Agence {}", rng.pick(surnames(lang)).0),
                Lang::De => format!("{} Kommunikation", rng.pick(surnames(lang)).0),
                Lang::Es => format!("Comunicación {}", rng.pick(surnames(lang)).0),
                Lang::En => format!("{} Communications", rng.pick(surnames(lang)).0),
                Lang::Ko => format!("{}홍보", rng.pick(surnames(lang)).0),
            }
        } else {
            institutions[institution].name.clone()
        };
        let domain = slug(&institutions[institution].short);
        let domain = if domain.is_empty() {
            "press".to_owned()
        } else {
            domain
        };
        let phone = match lang {
            Lang::Fr => format!(
                "0{} {:02} {:02} {:02} {:02}",
                rng.below(6) + 1,
                rng.below(100),
                rng.below(100),
                rng.below(100),
                rng.below(100)
            ),
            Lang::De => format!(
                "+49 {} {}",
                rng.below(900) + 100,
                rng.below(900_000) + 100_000
            ),
            Lang::Es => format!(
                "+34 {} {:03} {:03}",
                rng.below(900) + 100,
                rng.below(1000),
                rng.below(1000)
            ),
            Lang::En => format!(
                "+1 {} {:03} {:04}",
                rng.below(800) + 200,
                rng.below(1000),
                rng.below(10000)
            ),
            Lang::Ko => format!("02-{}-{:04}", rng.below(9000) + 1000, rng.below(10000)),
        };
        contacts.push(Contact {
            email: format!("{}@{domain}.example", id.replace('-', ".")),
            id: format!("{id}-press-{index}"),
            name,
            organization,
            institution,
            phone,
        });
    }
    World {
        institutions,
        people,
        contacts,
    }
}

fn title(lang: Lang, a: &str, b: &str, topic: &[&str; 5]) -> String {
    match lang {
        Lang::En => format!(
            "{a} and {b} announce a strategic partnership in {}",
            topic[0]
        ),
        Lang::Fr => format!(
            "{a} et {b} signent un accord de partenariat sur {}",
            topic[1]
        ),
        Lang::De => format!("{a} und {b} vereinbaren eine Kooperation für {}", topic[2]),
        Lang::Es => format!(
            "{a} y {b} firman un acuerdo de colaboración en {}",
            topic[3]
        ),
        Lang::Ko => format!("{a}·{b}, {} 분야 업무협약 체결", topic[4]),
    }
}

fn quote_text(lang: Lang, b: &str) -> String {
    match lang {
        Lang::En => {
            format!("This agreement with {b} brings new treatments to our patients sooner.")
        }
        Lang::Fr => format!(
            "Cet accord avec {b} offrira à nos patients un accès plus rapide à l’innovation."
        ),
        Lang::De => format!(
            "Die Zusammenarbeit mit {b} bringt unseren Patientinnen und Patienten schneller neue Therapien."
        ),
        Lang::Es => format!("Este acuerdo con {b} acercará la innovación a nuestros pacientes."),
        Lang::Ko => format!("{b}과의 협력으로 환자들에게 혁신 치료를 더 빨리 제공하겠습니다."),
    }
}

/// One announcement as YAML, at the indentation of a list item.
fn announcement(
    rng: &mut Rng,
    world: &mut World,
    index: usize,
    date: (u32, u32, u32),
    out: &mut String,
) {
    let count = world.institutions.len();
    let first = rng.below(count);
    let mut partners = vec![first];
    let partner_count = if rng.chance(25) { 3 } else { 2 };
    while partners.len() < partner_count {
        let other = rng.below(count);
        if !partners.contains(&other) {
            partners.push(other);
        }
    }
    let lang = world.institutions[first].lang;
    let topic = rng.pick(TOPICS);
    let (year, month, day) = date;
    let a = &world.institutions[partners[0]];
    let b = &world.institutions[partners[1]];
    let id = format!("{}-{index}-{year}", a.slug);
    let short_title = format!("{}–{} {}", a.short, b.short, topic[0]);
    let kind = *rng.pick(KINDS);
    let _ = writeln!(out, "  - id: {id}");
    let _ = writeln!(out, "    date: \"{year:04}-{month:02}-{day:02}\"");
    let _ = writeln!(
        out,
        "    title: {}",
        q(&title(lang, &a.name, &b.name, topic))
    );
    if lang != Lang::En && rng.chance(50) {
        let _ = writeln!(
            out,
            "    title_en: {}",
            q(&title(Lang::En, &a.name, &b.name, topic))
        );
    }
    let _ = writeln!(out, "    short_title: {}", q(&short_title));
    let _ = writeln!(out, "    language: {}", lang.code());
    let _ = writeln!(out, "    dateline: [{}]", q(a.city.0));
    let _ = writeln!(out, "    kind: {}", q(kind));
    let _ = writeln!(
        out,
        "    summary: {}",
        q(&format!(
            "Joint work on {} between {} and {}: trials, data and training.",
            topic[0], a.city.1, b.city.1
        ))
    );
    if rng.chance(60) {
        let _ = writeln!(
            out,
            "    objectives:\n      - {}",
            q(rng.pick::<&str>(OBJECTIVES))
        );
    }
    if rng.chance(40) {
        let number = rng.below(5000) + 10;
        let _ = writeln!(
            out,
            "    figures:\n      - number: {number}\n        counts: \"patients to be enrolled\"\n        as_written: \"{number}\""
        );
    }
    if rng.chance(50) {
        let _ = writeln!(out, "    events:");
        let event_year = year + 1;
        let _ = writeln!(
            out,
            "      - id: {id}-launch\n        date: \"{event_year}\"\n        qualifier: by\n        status: planned\n        title: {}",
            q(&format!("First joint {} programme opens", topic[0]))
        );
        if rng.chance(30) {
            let _ = writeln!(
                out,
                "      - id: {id}-signing\n        date: \"{year:04}-{month:02}\"\n        status: held\n        title: \"Agreement signed\"\n        place: {}",
                q(a.city.1)
            );
        }
    }
    let _ = writeln!(out, "    partners:");
    for partner in &partners {
        let _ = writeln!(
            out,
            "      - institution: {}\n        role: signatory",
            world.institutions[*partner].id
        );
    }
    if rng.chance(20) {
        let mention = rng.below(count);
        if !partners.contains(&mention) {
            let _ = writeln!(
                out,
                "    mentions:\n      - institution: {}",
                world.institutions[mention].id
            );
        }
    }
    let speaker = rng.below(world.people.len());
    let person = &mut world.people[speaker];
    if person.announcement.is_none() {
        person.announcement = Some(index);
    }
    let role = roles(person.lang)[person.role].0;
    let _ = writeln!(
        out,
        "    quotes:\n      - speakers:\n          - person: {}\n            role: {}\n        text: {}",
        person.id,
        q(role),
        q(&quote_text(person.lang, &b.name))
    );
    let contact = &world.contacts[rng.below(world.contacts.len())];
    let _ = writeln!(
        out,
        "    press_contacts:\n      - contact: {}\n        phones: [{}]\n        emails: [{}]",
        contact.id,
        q(&contact.phone),
        q(&contact.email)
    );
    let _ = writeln!(out, "    source: \"synth-{index:07}.txt\"");
}

fn dates(rng: &mut Rng, count: usize) -> Vec<(u32, u32, u32)> {
    let mut dates: Vec<(u32, u32, u32)> = (0..count)
        .map(|_| {
            (
                2000 + rng.below(26) as u32,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            )
        })
        .collect();
    dates.sort_unstable();
    dates
}

fn write_institutions(world: &World, out: &mut String) {
    out.push_str("institutions:\n");
    for institution in &world.institutions {
        let city = institution.city;
        let _ = writeln!(
            out,
            "  - id: {}\n    name: {}",
            institution.id,
            q(&institution.name)
        );
        if let Some(other) = &institution.other {
            let _ = writeln!(out, "    other_names: [{}]", q(other));
        }
        let _ = writeln!(
            out,
            "    kind: {}\n    city: {}\n    country: {}\n    coordinates: {{ lat: {:.2}, lon: {:.2} }}",
            institution.kind,
            q(city.1),
            city.2,
            city.3,
            city.4
        );
    }
}

fn write_people(world: &World, announcement_ids: &[String], out: &mut String) {
    out.push_str("people:\n");
    for person in &world.people {
        let _ = writeln!(out, "  - id: {}\n    name: {}", person.id, q(&person.name));
        match person.announcement {
            Some(announcement) => {
                let (title, title_en) = roles(person.lang)[person.role];
                let _ = writeln!(
                    out,
                    "    roles:\n      - title: {}\n        title_en: {}\n        institution: {}\n        announcement: {}",
                    q(title),
                    q(title_en),
                    world.institutions[person.institution].id,
                    announcement_ids[announcement]
                );
            }
            None => out.push_str("    roles: []\n"),
        }
    }
}

fn write_contacts(world: &World, out: &mut String) {
    out.push_str("contacts:\n");
    for contact in &world.contacts {
        let _ = writeln!(
            out,
            "  - id: {}\n    name: {}\n    organization: {}\n    represents: {}",
            contact.id,
            q(&contact.name),
            q(&contact.organization),
            world.institutions[contact.institution].id
        );
    }
}

/// Short lines for line filtering: institution names, people, titles, cities.
pub fn write_lines(seed: u64, count: usize, out: &mut impl Write) -> io::Result<()> {
    let rng = &mut rng(seed);
    let world = world(rng, (count / 4).max(1000));
    for index in 0..count {
        let line = match index % 4 {
            0 => {
                let institution = rng.pick(&world.institutions);
                format!(
                    "{} ({}, {})",
                    institution.name, institution.city.0, institution.city.2
                )
            }
            1 => {
                let person = rng.pick(&world.people);
                format!(
                    "{} — {}",
                    person.name, world.institutions[person.institution].name
                )
            }
            2 => {
                let a = rng.pick(&world.institutions);
                let b = rng.pick(&world.institutions);
                let topic = rng.pick(TOPICS);
                format!(
                    "{}–{} {} {}",
                    a.short,
                    b.short,
                    topic[lang_index(a.lang)],
                    2000 + rng.below(26)
                )
            }
            _ => {
                let contact = rng.pick(&world.contacts);
                format!("{} <{}> {}", contact.name, contact.email, contact.phone)
            }
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn rng(seed: u64) -> Rng {
    Rng(seed ^ 0x5EED_ACC0_4D5E_0001)
}

/// How many announcements go in one file of a directory dataset.
pub const PER_FILE: usize = 1000;

/// A generated dataset: announcements in chunks of [`PER_FILE`], and the other sections.
pub struct Generated {
    pub header: String,
    pub chunks: Vec<String>,
    pub institutions: String,
    pub people: String,
    pub contacts: String,
}

/// The dataset of `count` announcements (at least one) for `seed`.
pub fn generate(count: usize, seed: u64) -> Generated {
    let count = count.max(1);
    let rng = &mut rng(seed);
    let mut world = world(rng, count);
    let dates = dates(rng, count);
    let mut chunks: Vec<String> = Vec::new();
    let mut announcement_ids = Vec::with_capacity(count);
    let mut chunk = String::new();
    for (index, date) in dates.iter().enumerate() {
        let start = chunk.len();
        announcement(rng, &mut world, index, *date, &mut chunk);
        let item = &chunk[start..];
        let id = item["  - id: ".len()..item.find('\n').unwrap_or(item.len())].to_owned();
        announcement_ids.push(id);
        if (index + 1) % PER_FILE == 0 {
            chunks.push(std::mem::take(&mut chunk));
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    let mut institutions = String::new();
    write_institutions(&world, &mut institutions);
    let mut people = String::new();
    write_people(&world, &announcement_ids, &mut people);
    let mut contacts = String::new();
    write_contacts(&world, &mut contacts);
    Generated {
        header: format!(
            "# Synthetic dataset: {count} announcements, seed {seed}. Generated by examples/synth.rs; not real data.\n"
        ),
        chunks,
        institutions,
        people,
        contacts,
    }
}

impl Generated {
    fn sections(&self) -> [(&'static str, &String); 3] {
        [
            ("institutions.yaml", &self.institutions),
            ("people.yaml", &self.people),
            ("contacts.yaml", &self.contacts),
        ]
    }

    /// One file per [`PER_FILE`] announcements under `announcements/`, and a file for
    /// each other section.
    pub fn write_directory(&self, directory: &Path) -> io::Result<()> {
        let announcements = directory.join("announcements");
        fs::create_dir_all(&announcements)?;
        for (number, chunk) in self.chunks.iter().enumerate() {
            fs::write(
                announcements.join(format!("{number:05}.yaml")),
                format!("{}announcements:\n{chunk}", self.header),
            )?;
        }
        for (name, text) in self.sections() {
            fs::write(directory.join(name), format!("{}{text}", self.header))?;
        }
        Ok(())
    }

    /// Everything in one YAML document.
    pub fn write_single(&self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(self.header.as_bytes())?;
        out.write_all(b"announcements:\n")?;
        for chunk in &self.chunks {
            out.write_all(chunk.as_bytes())?;
        }
        for (_, text) in self.sections() {
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    }
}
