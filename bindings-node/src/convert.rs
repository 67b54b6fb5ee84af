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

/// A plain object of named values (call arguments, `set` values, a scope's
/// bindings). `null` and `undefined` give no arguments.
pub(crate) fn args(v: Option<&Unknown<'_>>) -> napi::Result<Args> {
    let Some(v) = v else {
        return Ok(Args::new());
    };
    match convert(v, 0)? {
        Value::Null => Ok(Args::new()),
        Value::Object(fields) => Ok(fields.into_iter().collect()),
        other => Err(napi::Error::new(
            napi::Status::InvalidArg,
            format!(
                "parameters must be given as one object, not {}",
                other.kind().name()
            ),
        )),
    }
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
            format!("a parameter value is nested more than {MAX_DEPTH} levels deep (or refers to itself)"),
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
                let names = obj.get_all_property_names(
                    KeyCollectionMode::OwnOnly,
                    KeyFilter::Enumerable,
                    KeyConversion::NumbersToStrings,
                )?;
                let len = names.get_array_length()?;
                let mut fields = Vec::with_capacity(len as usize);
                for i in 0..len {
                    let name: Unknown<'_> = names.get_element(i)?;
                    if name.get_type()? != ValueType::String {
                        continue; // symbol keys are not parameters
                    }
                    let name = unsafe { name.cast::<String>()? };
                    let item: Unknown<'_> = obj.get_named_property(&name)?;
                    fields.push((name, convert(&item, depth + 1)?));
                }
                Value::Object(fields)
            }
        }
        // Functions and symbols are never valid parameter values; as an
        // empty object they fail any typed parameter's check with a clear message.
        _ => Value::Object(Vec::new()),
    })
}
