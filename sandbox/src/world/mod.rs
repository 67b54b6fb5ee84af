//! The sandbox's make-believe TikTok: users, videos, music, hashtags,
//! comments and the rest, each a pure function of its id and the seed.
//!
//! The same id always gives the same data. Lists are finite (40 to 150
//! entries per entity), and the counts in a profile or a video's stats are the
//! lengths of the lists they describe. The docs' example ids and usernames are
//! wired together so that following them gives consistent answers.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::{json, Value as Json};

mod codec;
mod data;
mod shapes;

pub use codec::{b64_decode, b64_encode, hash, mix};
use codec::{id19, pick};
use data::KNOWN_USERS;
pub use data::*;
pub use shapes::Shapes;
/// Where list items came from, so that a video looked up later by its id
/// shows the same author, music and hashtag as in the list.
#[derive(Default)]
struct Registry {
    video_author: HashMap<String, String>,
    video_music: HashMap<String, String>,
    video_tag: HashMap<String, String>,
    tag_names: HashMap<String, String>,
}

const REGISTRY_LIMIT: usize = 200_000;

/// The generated world.
pub struct World {
    pub seed: u64,
    registry: Mutex<Registry>,
}

/// A user's identity; everything else about them follows from the username.
#[derive(Debug, Clone)]
pub struct User {
    pub username: String,
    pub id: String,
    pub sec_uid: String,
}

impl World {
    pub fn new(seed: u64) -> World {
        let world = World {
            seed,
            registry: Mutex::new(Registry::default()),
        };
        {
            let mut r = world.registry();
            for v in KNOWN_VIDEOS {
                r.video_author
                    .insert((*v).to_owned(), "lilyachty".to_owned());
            }
            r.tag_names
                .insert(KNOWN_HASHTAG.0.to_owned(), KNOWN_HASHTAG.1.to_owned());
        }
        world
    }

    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        let mut r = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        let size = r.video_author.len() + r.video_music.len() + r.video_tag.len();
        if size > REGISTRY_LIMIT {
            // Forget what lists produced, but never the docs' examples.
            r.video_author.clear();
            r.video_music.clear();
            r.video_tag.clear();
            for v in KNOWN_VIDEOS {
                r.video_author
                    .insert((*v).to_owned(), "lilyachty".to_owned());
            }
        }
        r
    }

    pub fn h(&self, parts: &[&str]) -> u64 {
        hash(self.seed, parts)
    }

    /// The length of a list: between [`MIN_TOTAL`] and [`MAX_TOTAL`].
    pub fn total(&self, list: &str, owner: &str) -> u64 {
        MIN_TOTAL + self.h(&["total", list, owner]) % (MAX_TOTAL - MIN_TOTAL + 1)
    }

    // ----- users -----

    pub fn user_by_name(&self, username: &str) -> User {
        if let Some(k) = KNOWN_USERS.iter().find(|k| k.username == username) {
            return User {
                username: k.username.to_owned(),
                id: k.id.to_owned(),
                sec_uid: k.sec_uid.to_owned(),
            };
        }
        // A secUid that encodes the username, so that a secUid leads back to it.
        let encoded = b64_encode(username.as_bytes());
        let mut sec_uid = format!("{SEC_UID_PREFIX}{:02x}{encoded}", username.len().min(255));
        let target = sec_uid.len().max(76);
        let mut n = 0u64;
        while sec_uid.len() < target {
            let h = self.h(&["secuid-fill", username, &n.to_string()]);
            sec_uid.push_str(&b64_encode(&h.to_le_bytes()));
            n += 1;
        }
        sec_uid.truncate(target);
        let id = match username
            .strip_prefix("user")
            .filter(|d| d.len() >= 6 && d.len() <= 19 && d.bytes().all(|b| b.is_ascii_digit()))
        {
            Some(digits) => digits.to_owned(),
            None => id19(6, self.h(&["user-id", username])),
        };
        User {
            username: username.to_owned(),
            id,
            sec_uid,
        }
    }

    pub fn user_by_sec_uid(&self, sec_uid: &str) -> User {
        if let Some(k) = KNOWN_USERS.iter().find(|k| k.sec_uid == sec_uid) {
            return self.user_by_name(k.username);
        }
        if let Some(name) = decode_sec_uid(sec_uid) {
            let user = self.user_by_name(&name);
            if user.sec_uid == sec_uid {
                return user;
            }
        }
        // A secUid of no user we made up: a user of its own, keeping it.
        let name = format!(
            "user{}",
            100_000_000 + self.h(&["secuid-user", sec_uid]) % 900_000_000
        );
        let mut user = self.user_by_name(&name);
        user.sec_uid = sec_uid.to_owned();
        user
    }

    pub fn user_by_id(&self, id: &str) -> User {
        if let Some(k) = KNOWN_USERS.iter().find(|k| k.id == id) {
            return self.user_by_name(k.username);
        }
        self.user_by_name(&format!("user{id}"))
    }

    /// One of a pool of generated users, for authors, followers and the like.
    pub fn pool_user(&self, h: u64) -> User {
        let name = format!(
            "{}_{}{}",
            pick(FIRST, h),
            pick(SECOND, h >> 8),
            (h >> 16) % 100
        );
        self.user_by_name(&name)
    }

    /// The user a video belongs to.
    pub fn author_of(&self, video_id: &str) -> User {
        let known = self.registry().video_author.get(video_id).cloned();
        match known {
            Some(name) => self.user_by_name(&name),
            None => self.pool_user(self.h(&["author", video_id])),
        }
    }

    /// Remember that a listed video belongs to this author, music or hashtag.
    pub fn note_video(
        &self,
        video_id: &str,
        author: Option<&str>,
        music: Option<&str>,
        tag: Option<&str>,
    ) {
        let mut r = self.registry();
        if let Some(a) = author {
            r.video_author.insert(video_id.to_owned(), a.to_owned());
        }
        if let Some(m) = music {
            r.video_music.insert(video_id.to_owned(), m.to_owned());
        }
        if let Some(t) = tag {
            r.video_tag.insert(video_id.to_owned(), t.to_owned());
        }
    }

    // ----- videos -----

    /// The i-th video id of a list.
    pub fn list_video_id(&self, list: &str, owner: &str, i: u64) -> String {
        if list == "posts" && owner == "lilyachty" && (i as usize) < KNOWN_VIDEOS.len() {
            return KNOWN_VIDEOS[i as usize].to_owned();
        }
        id19(7, self.h(&["video", list, owner, &i.to_string()]))
    }

    /// A video id for whatever a caller gave: an id, or a short link.
    pub fn video_id(&self, given: &str) -> String {
        if given.bytes().all(|b| b.is_ascii_digit()) {
            given.to_owned()
        } else {
            id19(7, self.h(&["short-link", given]))
        }
    }

    pub fn music_of(&self, video_id: &str) -> String {
        let known = self.registry().video_music.get(video_id).cloned();
        known.unwrap_or_else(|| {
            let h = self.h(&["music-of", video_id]);
            if h % 4 == 0 {
                "28459463".to_owned()
            } else {
                id19(6, self.h(&["music", &(h % 5_000).to_string()]))
            }
        })
    }

    pub fn hashtag_name(&self, id: &str) -> String {
        let known = self.registry().tag_names.get(id).cloned();
        known.unwrap_or_else(|| {
            let h = self.h(&["tag-name", id]);
            format!("{}{}", pick(TOPICS, h), pick(SECOND, h >> 8))
        })
    }

    pub fn hashtag_id(&self, name: &str) -> String {
        if name.eq_ignore_ascii_case(KNOWN_HASHTAG.1) {
            return KNOWN_HASHTAG.0.to_owned();
        }
        let id =
            (1_000_000 + self.h(&["tag-id", &name.to_lowercase()]) % 9_000_000_000).to_string();
        self.registry()
            .tag_names
            .insert(id.clone(), name.to_owned());
        id
    }

    // ----- comments -----

    pub fn comment_id(&self, video_id: &str, parent: Option<&str>, i: u64) -> String {
        if parent.is_none() && video_id == KNOWN_COMMENT.0 && i == 0 {
            return KNOWN_COMMENT.1.to_owned();
        }
        id19(
            7,
            self.h(&["comment", video_id, parent.unwrap_or(""), &i.to_string()]),
        )
    }

    pub fn phrase(&self, h: u64) -> &'static str {
        pick(PHRASES, h)
    }

    pub fn comment_text(&self, h: u64) -> &'static str {
        pick(COMMENTS, h)
    }

    pub fn topic(&self, h: u64) -> &'static str {
        pick(TOPICS, h)
    }

    pub fn id19(&self, lead: u64, parts: &[&str]) -> String {
        id19(lead, self.h(parts))
    }
}

/// An object of counts with every number written as a string.
fn digits_of(mut counts: Json) -> Json {
    if let Json::Object(m) = &mut counts {
        for v in m.values_mut() {
            if let Some(n) = v.as_u64() {
                *v = Json::String(n.to_string());
            }
        }
    }
    counts
}

/// One entry of a caption's `textExtra`: a mention (type 0) or a hashtag (type 1).
fn text_extra_entry(
    kind: u8,
    hashtag: &str,
    hashtag_id: &str,
    user_id: &str,
    username: &str,
    sec_uid: &str,
) -> Json {
    json!({
        "awemeId": "",
        "start": 0,
        "end": 0,
        "type": kind,
        "subType": 0,
        "isCommerce": false,
        "hashtagName": hashtag,
        "hashtagId": hashtag_id,
        "userId": user_id,
        "userUniqueId": username,
        "secUid": sec_uid,
    })
}

fn decode_sec_uid(sec_uid: &str) -> Option<String> {
    let rest = sec_uid.strip_prefix(SEC_UID_PREFIX)?;
    let len = usize::from_str_radix(rest.get(..2)?, 16).ok()?;
    let chars = (len * 4).div_ceil(3);
    let bytes = b64_decode(rest.get(2..2 + chars)?)?;
    let name = String::from_utf8(bytes.get(..len)?.to_vec()).ok()?;
    name.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        .then_some(name)
}

fn title_case(username: &str) -> String {
    username
        .split(['_', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for s in ["", "a", "ab", "abc", "lilyachty", "sunny_panda42"] {
            assert_eq!(b64_decode(&b64_encode(s.as_bytes())).unwrap(), s.as_bytes());
        }
    }

    #[test]
    fn sec_uids_lead_back_to_their_user() {
        let w = World::new(0);
        for name in ["lilyachty", "maya.moves", "some_body", "x"] {
            let u = w.user_by_name(name);
            assert!(u.sec_uid.len() >= 30, "{}", u.sec_uid);
            assert_eq!(w.user_by_sec_uid(&u.sec_uid).username, name);
        }
        let odd = "MS4wLjABAAAAnotoneofours-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        assert_eq!(w.user_by_sec_uid(odd).sec_uid, odd);
    }
}
