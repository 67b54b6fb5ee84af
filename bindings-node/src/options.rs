//! `$options` of a call, `set` or a scope, and `saveVideo`'s options: the
//! JavaScript values converted for the core, which reads and checks them.

use napi::bindgen_prelude::{Object, Unknown};
use napi::ValueType;
use tikapi_core::settings::{self, Source};
use tikapi_core::{CallOptions, Dialect, Error, Options, PageLimits, Value};

use crate::convert;

/// Options as the core reads them: `None` (or null / undefined) is no
/// options. The outer error is an exception thrown while reading the
/// object (a getter); the inner one the core's refusal, naming the option.
pub(crate) fn read(
    v: Option<&Unknown<'_>>,
    source: Source,
) -> napi::Result<Result<Options, Error>> {
    let Some(v) = v.filter(|v| !matches!(v.get_type(), Ok(ValueType::Undefined | ValueType::Null)))
    else {
        return Ok(Ok(Options::default()));
    };
    let input = match convert::options(v, source)? {
        Ok(input) => input,
        Err(e) => return Ok(Err(e)),
    };
    Ok(settings::parse(&input, Dialect::Js, source))
}

/// `{ sandbox, options }`: a call's settings beside its parameters.
pub(crate) fn call(settings: Option<&Unknown<'_>>) -> napi::Result<Result<CallOptions, Error>> {
    let Some(obj) = object(settings)? else {
        return Ok(Ok(CallOptions::default()));
    };
    let sandbox = obj.get::<Option<bool>>("sandbox")?.flatten();
    let options: Option<Unknown<'_>> = obj.get("options")?;
    Ok(read(options.as_ref(), Source::Call)?.map(|options| {
        CallOptions::default()
            .with_sandbox(sandbox)
            .with_options(options)
    }))
}

/// A settings argument as an object, `None` for null / undefined.
pub(crate) fn object<'env>(v: Option<&Unknown<'env>>) -> napi::Result<Option<Object<'env>>> {
    match v {
        None => Ok(None),
        Some(v) => match v.get_type()? {
            ValueType::Undefined | ValueType::Null => Ok(None),
            // SAFETY: the value's type was checked just before.
            ValueType::Object => Ok(Some(unsafe { v.cast::<Object<'env>>()? })),
            _ => Err(napi::Error::new(
                napi::Status::InvalidArg,
                "call settings must be an object",
            )),
        },
    }
}

/// `{ maxPages, maxItems }` of a page or item walk, checked by the core.
pub(crate) fn limits(v: Option<&Unknown<'_>>) -> napi::Result<Result<PageLimits, Error>> {
    let Some(obj) = object(v)? else {
        return Ok(Ok(PageLimits::default()));
    };
    let read = |name: &str| -> napi::Result<Value> {
        let v: Option<Unknown<'_>> = obj.get(name)?;
        v.map_or(Ok(Value::Null), |v| convert::value(&v))
    };
    let (pages, items) = (read("maxPages")?, read("maxItems")?);
    Ok(PageLimits::parse(&pages, &items, Dialect::Js))
}

/// The `resume` token beside the limits (`{resume: token}`), null when none.
pub(crate) fn resume(v: Option<&Unknown<'_>>) -> napi::Result<Value> {
    let Some(obj) = object(v)? else {
        return Ok(Value::Null);
    };
    let token: Option<Unknown<'_>> = obj.get("resume")?;
    token.map_or(Ok(Value::Null), |v| convert::value(&v))
}
