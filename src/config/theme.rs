//! A theme as settings name it. What the name looks like on screen is the explorer's
//! (`crate::tui::theme`).

/// A theme as a person names it, on the command line (`--theme`) or in the settings file.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Deserialize,
    clap::ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Colours for a dark terminal background.
    #[default]
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colour at all: what `NO_COLOR` asks for.
    Monochrome,
}

impl ThemeName {
    /// The name as the settings file and `--theme` write it.
    pub(crate) fn as_str(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray as _;

    #[test]
    fn every_theme_name_reads_back() {
        for &name in ThemeName::VARIANTS {
            let parsed: ThemeName =
                serde_json::from_str(&format!("\"{}\"", name.as_str())).expect("a theme name");
            assert_eq!(parsed, name);
        }
    }
}
