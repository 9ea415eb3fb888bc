//! A problem found in a file and where it is: what the rules (`rules.rs`) find and the full check
//! (`validate.rs`) reports, in its own file so that both use it without using each other.

/// The JSON type a field should have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    TextOrNull,
    Integer,
    Object,
    List,
}

/// What is wrong at a place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    WrongType(Expected),
    EmptyId,
    TooLong {
        max: usize,
    },
    TooMany {
        max: usize,
    },
    BadYear,
    BadAmount,
    NegativeAmount,
    AbsurdAmount,
    /// The same id is used again; `first` is where it was first used.
    DuplicateId {
        first: String,
    },
    /// The agreement names itself as parent, or following parents leads back to it.
    CascadeCycle,
    /// (Warning) the parent agreement is not in this file: it must already be in the workspace.
    ParentNotInFile,
    /// (Warning) the parent indicator is not in this file.
    ParentIndicatorNotInFile,
    /// `source.scope` is not `workspace`, `agreement` or `subtree`.
    BadScope,
    /// A setting that is not one of its choices (a polarity, an aggregation, a cap).
    BadChoice,
    /// The letterhead's logo is not a PNG or JPEG of at most 100 KB.
    BadLogo(crate::core::model::letterhead::LogoError),
    /// (Version 6) an office listed again under another spelling; the name it is first listed under.
    OfficeListed {
        first: String,
    },
    /// (Version 6) an office above another, or the own office, that is not in the list of offices.
    OfficeNotListed,
    /// (Version 6) a Renstra breaks one of its rules (`model::renstra`).
    Renstra(crate::core::model::renstra::RenstraProblem),
}

impl ProblemKind {
    /// Warnings are shown but do not refuse the file.
    pub fn is_warning(&self) -> bool {
        matches!(self, ProblemKind::ParentNotInFile | ProblemKind::ParentIndicatorNotInFile)
    }
}

/// A problem and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}
