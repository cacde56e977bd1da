use std::fmt;

/// Why an evaluation could not run: which file, which record, what is wrong.
///
/// Opaque on purpose: callers print it; the message already names the file and record.
/// Single bad records do not raise it (they are skipped and counted in the report); it is
/// raised when the file cannot be read at all or holds nothing that can be scored.
pub struct EvalError {
    message: String,
}

impl EvalError {
    pub(crate) fn new(origin: &str, message: impl fmt::Display) -> Self {
        EvalError {
            message: format!("{origin}: {message}"),
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EvalError({:?})", self.message)
    }
}

impl std::error::Error for EvalError {}
