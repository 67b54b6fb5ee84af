//! JavaScript values to core values.
//!
//! Integral numbers become `Int` and every other number `Float`, so that NaN
//! and the infinities reach the core's validation rather than being lost
//! here. `null` and `undefined` are `Null` (the core treats them as absent).

use napi::bindgen_prelude::{BigInt, JsObjectValue, Object, Unknown};
use napi::{JsValue, KeyCollectionMode, KeyConversion, KeyFilter, ValueType};
use tikapi_core::{Args, Value};

/// Deeper nesting than this is refused (and catches cyclic objects).
const MAX_DEPTH: usize = 64;

/// Why call arguments could not be converted.
pub(crate) enum ArgsError {
    /// One parameter's value cannot be taken (nested too deep, or refers to
    /// itself): reported on that parameter, like a validation error.
    Field { field: String, message: String },
    /// The arguments are not one object, or reading them threw (a getter):
    /// thrown as it is.
    Other(napi::Error),
}

impl From<napi::Error> for ArgsError {
    fn from(e: napi::Error) -> Self {
        ArgsError::Other(e)
    }
}

impl From<ArgsError> for napi::Error {
    fn from(e: ArgsError) -> Self {
        match e {
            ArgsError::Field { message, .. } => napi::Error::new(napi::Status::InvalidArg, message),
            ArgsError::Other(e) => e,
        }
    }
}

impl ArgsError {
    /// The core error for a parameter that could not be taken, or the
    /// exception to throw.
    pub(crate) fn into_core(self) -> Result<tikapi_core::Error, napi::Error> {
        match self {
            ArgsError::Field { field, message } => Ok(tikapi_core::Error::Validation(
                tikapi_core::ValidationError::new(field, tikapi_core::Rule::Type, message),
            )),
            ArgsError::Other(e) => Err(e),
        }
    }
}

/// A plain object of named values (call arguments, `set` values, a scope's
/// bindings). `null` and `undefined` give no arguments.
pub(crate) fn args(v: Option<&Unknown<'_>>) -> Result<Args, ArgsError> {
    let Some(v) = v else {
        return Ok(Args::new());
    };
    match v.get_type()? {
        ValueType::Undefined | ValueType::Null => return Ok(Args::new()),
        ValueType::Object => {
            // SAFETY: the value's type was checked just before.
            let obj = unsafe { v.cast::<Object<'_>>()? };
            if !obj.is_array()? {
                let mut out = Args::new();
                for (name, item) in fields(&obj)? {
                    match convert(&item, 1) {
                        Ok(value) => {
                            out.set(name, value);
                        }
                        Err(e) if e.status == napi::Status::InvalidArg => {
                            let message = format!("`{name}` {}", e.reason);
                            return Err(ArgsError::Field {
                                field: name,
                                message,
                            });
                        }
                        Err(e) => return Err(e.into()),
                    }
                }
                return Ok(out);
            }
        }
        _ => {}
    }
    let kind = convert(v, 0)?.kind().name();
    Err(ArgsError::Other(napi::Error::new(
        napi::Status::InvalidArg,
        format!("parameters must be given as one object, not {kind}"),
    )))
}

/// An object's own enumerable string-keyed properties, in order.
fn fields<'env>(obj: &Object<'env>) -> napi::Result<Vec<(String, Unknown<'env>)>> {
    let names = obj.get_all_property_names(
        KeyCollectionMode::OwnOnly,
        KeyFilter::Enumerable,
        KeyConversion::NumbersToStrings,
    )?;
    let len = names.get_array_length()?;
    let mut out = Vec::with_capacity(len as usize);
    for i in 0..len {
        let name: Unknown<'_> = names.get_element(i)?;
        if name.get_type()? != ValueType::String {
            continue; // symbol keys are not parameters
        }
        // SAFETY: the name's type was checked just before.
        let name = unsafe { name.cast::<String>()? };
        let item: Unknown<'env> = obj.get_named_property(&name)?;
        out.push((name, item));
    }
    Ok(out)
}

fn number(f: f64) -> Value {
    // 2^53: beyond it a double no longer holds every integer exactly.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if f.is_finite() && f.fract() == 0.0 && f.abs() <= EXACT {
        Value::Int(f as i64)
    } else {
        Value::Float(f)
    }
}

fn convert(v: &Unknown<'_>, depth: usize) -> napi::Result<Value> {
    if depth > MAX_DEPTH {
        return Err(napi::Error::new(
            napi::Status::InvalidArg,
            format!("is nested more than {MAX_DEPTH} levels deep (or refers to itself)"),
        ));
    }
    // SAFETY (each `cast`): the value's type was checked just before.
    Ok(match v.get_type()? {
        ValueType::Undefined | ValueType::Null => Value::Null,
        ValueType::Boolean => Value::Bool(unsafe { v.cast::<bool>()? }),
        ValueType::Number => number(unsafe { v.cast::<f64>()? }),
        ValueType::String => Value::Str(unsafe { v.cast::<String>()? }),
        ValueType::BigInt => {
            let (i, lossless) = unsafe { v.cast::<BigInt>()? }.get_i64();
            if lossless {
                Value::Int(i)
            } else {
                Value::Float(f64::INFINITY)
            }
        }
        ValueType::Object => {
            let obj = unsafe { v.cast::<Object<'_>>()? };
            if obj.is_array()? {
                let len = obj.get_array_length()?;
                let mut items = Vec::with_capacity(len as usize);
                for i in 0..len {
                    let item: Unknown<'_> = obj.get_element(i)?;
                    items.push(convert(&item, depth + 1)?);
                }
                Value::Array(items)
            } else {
                let mut out = Vec::new();
                for (name, item) in fields(&obj)? {
                    out.push((name, convert(&item, depth + 1)?));
                }
                Value::Object(out)
            }
        }
        // Functions and symbols are never valid parameter values; as an
        // empty object they fail any typed parameter's check with a clear message.
        _ => Value::Object(Vec::new()),
    })
}

/// Options as the core's input: an object's own fields as core values,
/// except those the JS face handles itself (hooks, an agent), which are not
/// converted. The inner error is the core's complaint about a value that
/// cannot be taken (nested too deep, or referring to itself).
pub(crate) fn options(
    v: &Unknown<'_>,
    source: tikapi_core::settings::Source,
) -> napi::Result<Result<Value, tikapi_core::Error>> {
    use tikapi_core::{settings, Dialect};
    if v.get_type()? != ValueType::Object {
        return Ok(Ok(convert(v, 0)?));
    }
    // SAFETY: the value's type was checked just before.
    let obj = unsafe { v.cast::<Object<'_>>()? };
    if obj.is_array()? {
        return Ok(Ok(Value::Array(Vec::new())));
    }
    let mut out = Vec::new();
    for (name, item) in fields(&obj)? {
        if settings::handled_by_binding(Dialect::Js, &name) {
            out.push((name, Value::Null));
            continue;
        }
        match convert(&item, 1) {
            Ok(value) => out.push((name, value)),
            Err(e) if e.status == napi::Status::InvalidArg => {
                return Ok(Err(settings::not_convertible(
                    Dialect::Js,
                    source,
                    &name,
                    &e.reason,
                )))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Ok(Value::Object(out)))
}

/// One JavaScript value as a core value.
pub(crate) fn value(v: &Unknown<'_>) -> napi::Result<Value> {
    convert(v, 0)
}
