//! The text of a caught panic, which becomes an `APIException` (a panic never
//! unwinds into Python).

pub(super) fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    format!("internal error in tikapi: {what}")
}
