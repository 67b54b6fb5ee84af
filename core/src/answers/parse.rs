//! Reading `data/answers.json`: strict, every name resolved.

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    #[serde(rename = "$comment")]
    _comment: String,
    sources: BTreeMap<String, String>,
    objects: BTreeMap<String, DocShape>,
    shapes: BTreeMap<String, DocShape>,
    endpoints: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocShape {
    #[serde(default)]
    doc: String,
    #[serde(default)]
    extends: Vec<String>,
    #[serde(default)]
    envelope: Option<String>,
    #[serde(default)]
    grounded: Option<String>,
    #[serde(default)]
    items: Option<String>,
    fields: serde_json::Map<String, Json>,
}

fn parse_field(owner: &str, name: &str, spec: &Json) -> Result<Field, String> {
    let spec = spec
        .as_str()
        .ok_or_else(|| format!("{owner}.{name}: a field is a string"))?;
    let (ty, source) = spec
        .split_once(' ')
        .ok_or_else(|| format!("{owner}.{name}: \"TYPE SOURCE\" expected, got {spec:?}"))?;
    let (ty, required) = match ty.strip_suffix('!') {
        Some(t) => (t, true),
        None => (ty, false),
    };
    Ok(Field {
        name: name.to_owned(),
        ty: Type::parse(ty).ok_or_else(|| format!("{owner}.{name}: unknown type {ty:?}"))?,
        required,
        source: Source::parse(source)
            .ok_or_else(|| format!("{owner}.{name}: unknown source {source:?}"))?,
    })
}

/// Parse an answer schema document (the format of `data/answers.json`):
/// every type named exists, every endpoint names a shape.
pub fn parse(text: &str) -> Result<Answers, String> {
    let doc: Doc = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let own = |name: &str, s: &DocShape| -> Result<Vec<Field>, String> {
        s.fields
            .iter()
            .map(|(k, v)| parse_field(name, k, v))
            .collect()
    };
    let mut objects = BTreeMap::new();
    for (name, s) in &doc.objects {
        let mut fields = Vec::new();
        for parent in &s.extends {
            let p = doc
                .objects
                .get(parent)
                .ok_or_else(|| format!("{name} extends unknown {parent}"))?;
            if !p.extends.is_empty() {
                for grand in &p.extends {
                    fields.extend(own(grand, &doc.objects[grand])?);
                }
            }
            fields.extend(own(parent, p)?);
        }
        fields.extend(own(name, s)?);
        objects.insert(
            name.clone(),
            Shape {
                name: name.clone(),
                doc: s.doc.clone(),
                fields,
                grounded: None,
                items: None,
            },
        );
    }
    let mut shapes = BTreeMap::new();
    for (name, s) in &doc.shapes {
        let envelope = s
            .envelope
            .as_deref()
            .ok_or_else(|| format!("shape {name} has no envelope"))?;
        let mut fields = objects
            .get(envelope)
            .ok_or_else(|| format!("shape {name}: unknown envelope {envelope}"))?
            .fields
            .clone();
        for f in own(name, s)? {
            fields.retain(|e| e.name != f.name);
            fields.push(f);
        }
        let grounded = match s.grounded.as_deref() {
            Some(g) => Some(Source::parse(g).ok_or_else(|| format!("{name}: unknown source {g}"))?),
            None => return Err(format!("shape {name} does not say how grounded it is")),
        };
        shapes.insert(
            name.clone(),
            Shape {
                name: name.clone(),
                doc: s.doc.clone(),
                fields,
                grounded,
                items: s.items.clone(),
            },
        );
    }
    for (owner, shape) in objects.iter().chain(shapes.iter()) {
        for f in &shape.fields {
            let mut refs = Vec::new();
            f.ty.refs(&mut refs);
            for r in refs {
                if !objects.contains_key(r) {
                    return Err(format!("{owner}.{}: unknown object {r}", f.name));
                }
            }
        }
    }
    for (key, shape) in &doc.endpoints {
        if !shapes.contains_key(shape) {
            return Err(format!("{key}: unknown shape {shape}"));
        }
    }
    Ok(Answers {
        sources: doc.sources,
        objects,
        shapes,
        endpoints: doc.endpoints,
    })
}
