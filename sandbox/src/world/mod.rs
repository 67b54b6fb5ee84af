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

pub use codec::{b64_decode, b64_encode, hash, mix};
use codec::{id19, pick};
use data::KNOWN_USERS;
pub use data::*;
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

    /// The profile's `user` object.
    pub fn user_json(&self, u: &User, base: &str) -> Json {
        let known = KNOWN_USERS.iter().find(|k| k.username == u.username);
        let h = self.h(&["user", &u.username]);
        let nickname = match known {
            Some(k) => k.nickname.to_owned(),
            None => title_case(&u.username),
        };
        let signature = match known {
            Some(k) => k.signature.to_owned(),
            None => format!("{} | {}", pick(PHRASES, h), pick(TOPICS, h >> 3)),
        };
        let room_id = match known {
            Some(k) => k.room_id.to_owned(),
            None if h % 5 == 0 => id19(7, self.h(&["room", &u.username])),
            None => String::new(),
        };
        let avatar = format!("{base}/__sandbox/image/avatar/{}.png", u.id);
        json!({
            "id": u.id,
            "uniqueId": u.username,
            "nickname": nickname,
            "avatarLarger": avatar,
            "avatarMedium": avatar,
            "avatarThumb": avatar,
            "signature": signature,
            "verified": known.map(|k| k.verified).unwrap_or(h % 7 == 0),
            "secUid": u.sec_uid,
            "privateAccount": false,
            "secret": false,
            "ftc": false,
            "relation": 0,
            "openFavorite": h % 3 == 0,
            "commentSetting": 0,
            "duetSetting": (h >> 4) % 3,
            "stitchSetting": (h >> 6) % 3,
            "downloadSetting": (h >> 8) % 2 * 3,
            "isADVirtual": false,
            "isEmbedBanned": false,
            "ttSeller": h % 11 == 0,
            "canExpPlaylist": h % 2 == 0,
            "followingVisibility": 1,
            "profileEmbedPermission": 1,
            "commerceUserInfo": { "commerceUser": h % 11 == 0 },
            "profileTab": { "showPlayListTab": h % 2 == 0 },
            "roomId": room_id,
            "createTime": NOW - 50_000_000 - h % 100_000_000,
            "region": "US",
            "language": "en",
        })
    }

    /// The profile's `stats` object: counts are the lengths of the lists.
    pub fn user_stats(&self, u: &User) -> Json {
        let h = self.h(&["user-stats", &u.username]);
        json!({
            "followerCount": self.total("followers", &u.username),
            "followingCount": self.total("following", &u.username),
            "heartCount": 1_000 + h % 50_000_000,
            "heart": 1_000 + h % 50_000_000,
            "videoCount": self.total("posts", &u.username),
            "diggCount": self.total("likes", &u.username),
            "friendCount": h % 40,
        })
    }

    /// `statsV2`: the same counts as strings of digits.
    pub fn user_stats_v2(&self, u: &User) -> Json {
        digits_of(self.user_stats(u))
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

    pub fn hashtag_json(&self, id: &str, base: &str) -> Json {
        let name = self.hashtag_name(id);
        let image = format!("{base}/__sandbox/image/hashtag/{id}.png");
        json!({
            "id": id,
            "title": name,
            "desc": format!("Everything #{name}"),
            "coverLarger": image,
            "coverMedium": image,
            "coverThumb": image,
            "profileLarger": image,
            "profileMedium": image,
            "profileThumb": image,
            "isCommerce": false,
            "stats": self.hashtag_stats(id),
        })
    }

    pub fn hashtag_stats(&self, id: &str) -> Json {
        let h = self.h(&["tag-stats", id]);
        json!({
            "videoCount": self.total("hashtag", id),
            "viewCount": 10_000 + h % 9_000_000_000u64,
        })
    }

    pub fn music_json(&self, id: &str, base: &str) -> Json {
        let h = self.h(&["music-info", id]);
        let (title, author, original) = if id == "28459463" {
            ("Poland".to_owned(), "Lil Yachty".to_owned(), false)
        } else if h % 3 == 0 {
            let a = self.pool_user(h);
            (
                format!("original sound - {}", a.username),
                title_case(&a.username),
                true,
            )
        } else {
            (
                pick(SONGS, h).to_owned(),
                title_case(&self.pool_user(h >> 4).username),
                false,
            )
        };
        json!({
            "id": id,
            "title": title,
            "authorName": author,
            "original": original,
            "duration": 15 + h % 46,
            "album": "",
            "playUrl": format!("{base}/__sandbox/audio/{id}.m4a"),
            "coverLarge": format!("{base}/__sandbox/image/music/{id}.png"),
            "coverMedium": format!("{base}/__sandbox/image/music/{id}.png"),
            "coverThumb": format!("{base}/__sandbox/image/music/{id}.png"),
            "isCopyrighted": !original,
            "private": false,
        })
    }

    /// One video as TikTok describes it. `links` gives the play and download
    /// addresses, which depend on the response the video is part of.
    pub fn video_json(
        &self,
        id: &str,
        base: &str,
        links: &dyn Fn(&str) -> (String, String),
    ) -> Json {
        let h = self.h(&["item", id]);
        let author = self.author_of(id);
        let music = self.music_of(id);
        let mut tags: Vec<String> = Vec::new();
        if let Some(t) = self.registry().video_tag.get(id).cloned() {
            tags.push(t);
        }
        for k in 0..(1 + h % 3) {
            let t = self.hashtag_id(pick(TOPICS, h >> (8 * k + 4)));
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        let challenges: Vec<Json> = tags.iter().map(|t| self.hashtag_json(t, base)).collect();
        // The caption: a phrase, a mention now and then, the hashtags; each
        // mention and hashtag in `textExtra` by its character offsets.
        let mut desc = pick(PHRASES, h).to_owned();
        let mut text_extra: Vec<Json> = Vec::new();
        let mut add = |desc: &mut String, word: String, entry: Json| {
            desc.push(' ');
            let start = desc.chars().count();
            desc.push_str(&word);
            let mut entry = entry;
            entry["start"] = json!(start);
            entry["end"] = json!(desc.chars().count());
            text_extra.push(entry);
        };
        if h % 3 == 0 {
            let friend = self.pool_user(self.h(&["mention", id]));
            add(
                &mut desc,
                format!("@{}", friend.username),
                text_extra_entry(0, "", "", &friend.id, &friend.username, &friend.sec_uid),
            );
        }
        for t in &tags {
            let name = self.hashtag_name(t);
            add(
                &mut desc,
                format!("#{name}"),
                text_extra_entry(1, &name, t, "", "", ""),
            );
        }
        let (play, download) = links(id);
        let cover = format!("{base}/__sandbox/image/cover/{id}.png");
        let duration = 8 + h % 53;
        let bitrate = 800_000 + h % 400_000;
        let size = bitrate / 8 * duration;
        let gear = |name: &str, quality: u64, rate: u64| {
            json!({
                "GearName": name,
                "Bitrate": rate,
                "QualityType": quality,
                "CodecType": "h264",
                "PlayAddr": {
                    "Uri": format!("v09044g40000{id}"),
                    "UrlList": [play.clone()],
                    "DataSize": rate / 8 * duration,
                    "UrlKey": format!("v09044g40000{id}_h264_{name}"),
                    "FileHash": format!("{:032x}", u128::from(self.h(&["file-hash", id, name]))),
                    "FileCs": format!("c:0-{}-{:04x}", rate / 8 * duration, h & 0xffff),
                    "Width": 576,
                    "Height": 1024,
                },
            })
        };
        let mut video = json!({
            "id": id,
            "height": 1024,
            "width": 576,
            "duration": duration,
            "ratio": "540p",
            "format": "mp4",
            "bitrate": bitrate,
            "bitrateInfo": [gear("normal_540_0", 20, bitrate), gear("lower_540_0", 24, bitrate / 2)],
            "codecType": "h264",
            "definition": "540p",
            "encodeUserTag": "",
            "encodedType": "normal",
            "videoQuality": "normal",
            "size": size,
            "cover": cover,
            "originCover": cover,
            "dynamicCover": cover,
            "reflowCover": cover,
            "shareCover": ["", cover],
            "zoomCover": { "240": cover, "480": cover, "720": cover, "960": cover },
            "volumeInfo": { "Loudness": -(((h >> 10) % 200) as f64) / 10.0 - 5.5, "Peak": 0.5 + ((h >> 14) % 50) as f64 / 100.0 },
            "playAddr": play,
            "downloadAddr": download,
        });
        if h % 2 == 0 {
            video["subtitleInfos"] = json!([{
                "Format": "webvtt",
                "LanguageCodeName": "eng-US",
                "LanguageID": "2",
                "Size": 500 + h % 2_000,
                "Source": "ASR",
                "Url": format!("{base}/__sandbox/subtitles/{id}.vtt"),
                "UrlExpire": NOW + 86_400,
                "Version": "1",
                "VideoSubtitleID": 1 + h % 1_000_000,
            }]);
        } else {
            video["subtitleInfos"] = json!([]);
        }
        let author_stats = self.user_stats(&author);
        let stats = json!({
            "diggCount": h % 2_000_000,
            "shareCount": (h >> 12) % 50_000,
            "commentCount": self.total("comments", id),
            "playCount": 10_000 + (h >> 20) % 90_000_000,
            "collectCount": (h >> 30) % 100_000,
        });
        let duet_from = if (h >> 3) % 6 == 1 {
            id19(7, self.h(&["duet-of", id]))
        } else {
            "0".to_owned()
        };
        let mut item = json!({
            "id": id,
            "desc": desc,
            "createTime": NOW - h % 60_000_000,
            "author": self.user_json(&author, base),
            "authorStats": author_stats,
            "authorStatsV2": digits_of(author_stats.clone()),
            "video": video,
            "music": self.music_json(&music, base),
            "stats": stats,
            "statsV2": digits_of(stats.clone()),
            "challenges": challenges,
            "textExtra": text_extra,
            "contents": [{ "desc": desc, "textExtra": text_extra }],
            "duetInfo": { "duetFromId": duet_from },
            "duetDisplay": 0,
            "stitchDisplay": 0,
            "isAd": false,
            "duetEnabled": true,
            "stitchEnabled": true,
            "shareEnabled": true,
            "privateItem": false,
            "secret": false,
            "forFriend": false,
            "digged": false,
            "collected": false,
            "itemCommentStatus": 0,
            "originalItem": false,
            "officalItem": false,
            "showNotPass": false,
            "vl1": false,
            "itemMute": false,
            "BAInfo": "",
            "adAuthorization": false,
            "adLabelVersion": 0,
            "diversificationId": 10_000 + h % 20_000,
            "textLanguage": "en",
            "stickersOnItem": [],
        });
        if h % 5 == 0 {
            // A photo post: its pictures, with the video kept for the sound.
            let picture = |n: u64| {
                json!({
                    "imageURL": { "urlList": [format!("{base}/__sandbox/image/photo/{id}-{n}.png")] },
                    "imageWidth": 1080,
                    "imageHeight": 1440,
                })
            };
            item["imagePost"] = json!({
                "images": (0..2 + (h >> 5) % 3).map(picture).collect::<Vec<_>>(),
                "cover": picture(0),
                "shareCover": picture(0),
                "title": pick(PHRASES, h >> 7),
            });
        }
        if h % 4 == 1 {
            item["stickersOnItem"] =
                json!([{ "stickerText": [pick(PHRASES, h >> 9)], "stickerType": 4 }]);
        }
        if h % 6 == 2 {
            let poi = self.id19(2, &["poi", &(h % 50).to_string()]);
            let city = pick(CITIES, h >> 11);
            item["poi"] = json!({
                "id": poi,
                "name": format!("{city} {}", pick(PLACES, h >> 13)),
                "address": format!("{} Main Street", 1 + h % 200),
                "category": "Food & Drink",
                "city": city,
                "cityCode": "5128581",
                "country": "United States",
                "countryCode": "6252001",
                "fatherPoiId": "6252001",
                "fatherPoiName": city,
                "province": "New York",
                "ttTypeCode": "1000008",
                "ttTypeNameMedium": "Restaurants",
                "ttTypeNameSuper": "Food & Drink",
                "ttTypeNameTiny": "Cafe",
                "type": 1,
                "typeCode": "1000008",
            });
        }
        if h % 9 == 3 {
            item["playlistId"] = json!(id19(7, self.h(&["item-playlist", &author.username])));
        }
        item
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

    pub fn comment_json(
        &self,
        video_id: &str,
        cid: &str,
        parent: Option<&str>,
        base: &str,
    ) -> Json {
        let h = self.h(&["comment-body", cid]);
        let author = self.pool_user(h);
        let mut comment = json!({
            "cid": cid,
            "aweme_id": video_id,
            "text": pick(COMMENTS, h),
            "create_time": NOW - h % 20_000_000,
            "digg_count": (h >> 8) % 50_000,
            "reply_comment_total": if parent.is_some() { 0 } else { self.total("replies", cid) },
            "reply_comment": null,
            "reply_id": parent.unwrap_or("0"),
            "reply_to_reply_id": "0",
            "status": 1,
            "text_extra": [],
            "user_digged": 0,
            "user_buried": false,
            "is_author_digged": h % 9 == 0,
            "author_pin": false,
            "collect_stat": 0,
            "comment_language": "en",
            "no_show": false,
            "stick_position": 0,
            "label_list": null,
            "image_list": null,
            "user": self.comment_user(&author, base),
        });
        if h % 4 == 0 {
            // A comment that mentions someone, as `text_extra` records it.
            let friend = self.pool_user(h >> 12);
            let text = format!("@{} {}", friend.username, pick(COMMENTS, h));
            comment["text_extra"] = json!([{
                "start": 0,
                "end": friend.username.chars().count() + 1,
                "type": 0,
                "user_id": friend.id,
                "sec_uid": friend.sec_uid,
            }]);
            comment["text"] = json!(text);
        }
        comment
    }

    /// A comment's author: snake_case, with this sandbox's camelCase keys.
    pub fn comment_user(&self, author: &User, base: &str) -> Json {
        let user = self.user_json(author, base);
        json!({
            "uid": author.id,
            "unique_id": author.username,
            "nickname": user["nickname"],
            "sec_uid": author.sec_uid,
            "avatar_thumb": {
                "uri": format!("avatar/{}", author.id),
                "url_list": [user["avatarThumb"]],
                "url_prefix": null,
            },
            "custom_verify": "",
            "enterprise_verify_reason": "",
            "id": author.id,
            "uniqueId": author.username,
            "secUid": author.sec_uid,
            "avatarThumb": user["avatarThumb"],
        })
    }

    /// An entry of a followers or following list.
    pub fn user_entry(&self, u: &User, base: &str) -> Json {
        json!({
            "user": self.user_json(u, base),
            "stats": self.user_stats(u),
            "statsV2": self.user_stats_v2(u),
        })
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
