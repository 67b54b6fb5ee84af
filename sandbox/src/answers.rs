//! What each endpoint answers, in the shapes the real API uses.
//!
//! The routes come from the catalogue; this module only knows, per endpoint
//! key, which shape of data to build. A key it does not know still answers,
//! with a bare success body.

use std::cell::Cell;

use serde_json::{json, Map, Value as Json};
use tikapi_core::Endpoint;

use crate::input::Input;
use crate::paging::{page_size, start, write, Style, Window, NOTICE_STEP};
use crate::world::{World, NOW, SANDBOX_ACCOUNT_USER};

/// One call being answered.
pub struct Call<'a> {
    pub world: &'a World,
    pub ep: &'static Endpoint,
    pub input: &'a Input,
    /// `http://host:port` as the caller reached us: links point here.
    pub base: String,
    /// Identifies this response, for its video links.
    pub rid: String,
    /// The account key, for user endpoints.
    pub account_key: Option<String>,
    videos: Cell<bool>,
}

/// A TikTok error: its `statusCode`.
pub struct TikTokError(pub i64);

/// Where a list's items come from, remembered for later lookups by id.
#[derive(Default, Clone, Copy)]
struct Ctx<'a> {
    author: Option<&'a str>,
    music: Option<&'a str>,
    tag: Option<&'a str>,
}

impl<'a> Call<'a> {
    pub fn new(
        world: &'a World,
        ep: &'static Endpoint,
        input: &'a Input,
        base: String,
        account_key: Option<String>,
    ) -> Call<'a> {
        let rid = format!(
            "{:016x}",
            world.h(&[
                "rid",
                &ep.key,
                &ep.path,
                &input.canonical(),
                account_key.as_deref().unwrap_or("")
            ])
        );
        Call {
            world,
            ep,
            input,
            base,
            rid,
            account_key,
            videos: Cell::new(false),
        }
    }

    /// Whether the answer carried videos (and so needs `videoLinkHeaders`).
    pub fn has_videos(&self) -> bool {
        self.videos.get()
    }

    fn text(&self, key: &str) -> Option<String> {
        self.input.text(key)
    }

    fn style(&self) -> Style {
        Style::of(self.ep)
    }

    /// The username the account key stands for.
    fn me(&self) -> String {
        match self.account_key.as_deref() {
            Some(k) if k == tikapi_core::catalogue::SANDBOX_ACCOUNT_KEY => {
                SANDBOX_ACCOUNT_USER.to_owned()
            }
            Some(k) => format!(
                "user{}",
                100_000_000 + self.world.h(&["account", k]) % 900_000_000
            ),
            None => SANDBOX_ACCOUNT_USER.to_owned(),
        }
    }

    /// The user a call is about: `secUid`, `username` or `user_id`, else the account's user.
    fn subject(&self) -> crate::world::User {
        let w = self.world;
        if let Some(s) = self.text("secUid") {
            return w.user_by_sec_uid(&s);
        }
        if let Some(u) = self.text("username") {
            return w.user_by_name(&self.username_of(&u));
        }
        if let Some(id) = self.text("user_id") {
            return w.user_by_id(&id);
        }
        w.user_by_name(&self.me())
    }

    /// A username, or the user a short link stands for.
    fn username_of(&self, given: &str) -> String {
        if given.starts_with("http") {
            self.world
                .pool_user(self.world.h(&["short-user", given]))
                .username
        } else {
            given.to_owned()
        }
    }

    fn video(&self, id: &str) -> Json {
        self.videos.set(true);
        let base = &self.base;
        let rid = &self.rid;
        self.world.video_json(id, base, &|id| {
            (
                format!("{base}/__sandbox/video/{rid}/{id}/play.mp4"),
                format!("{base}/__sandbox/video/{rid}/{id}/download.mp4"),
            )
        })
    }

    /// The page a call asks for, of a list of `total` entries.
    fn window(&self, total: u64, fallback_count: u64) -> Window {
        let count = page_size(self.input, fallback_count);
        match self.style() {
            Style::None => Window::new(0, count, count.min(total)),
            style => Window::new(start(style, self.input), count, total),
        }
    }

    fn video_page(&self, list: &str, owner: &str, ctx: Ctx<'_>, snake: bool) -> Map<String, Json> {
        let w = self.world;
        let win = self.window(w.total(list, owner), 30);
        let items: Vec<Json> = win
            .range()
            .map(|i| {
                let id = w.list_video_id(list, owner, i);
                w.note_video(&id, ctx.author, ctx.music, ctx.tag);
                self.video(&id)
            })
            .collect();
        let mut body = Map::new();
        body.insert("itemList".into(), Json::Array(items));
        write(self.style(), &win, snake, &mut body);
        body
    }

    fn user_page(&self, list: &str, owner: &str, key: &str, snake: bool) -> Map<String, Json> {
        let w = self.world;
        let win = self.window(w.total(list, owner), 30);
        let users: Vec<Json> = win
            .range()
            .map(|i| {
                let u = w.pool_user(w.h(&[list, owner, &i.to_string()]));
                w.user_entry(&u, &self.base)
            })
            .collect();
        let mut body = Map::new();
        body.insert(key.into(), Json::Array(users));
        write(self.style(), &win, snake, &mut body);
        body
    }

    /// The answer's body, without `status`.
    pub fn answer(&self) -> Result<Map<String, Json>, TikTokError> {
        self.trigger()?;
        let w = self.world;
        let base = self.base.as_str();
        let key = self.ep.key.as_str();
        let body: Map<String, Json> = match key {
            "public.check" | "public.checkV3" | "user.info" => {
                let u = self.subject();
                obj(json!({
                    "userInfo": { "user": w.user_json(&u, base), "stats": w.user_stats(&u) },
                }))
            }
            "public.posts" | "user.posts.feed" => {
                let u = self.subject();
                let ctx = Ctx {
                    author: Some(&u.username),
                    ..Ctx::default()
                };
                self.video_page("posts", &u.username, ctx, false)
            }
            "public.likes" | "user.posts.likes" => {
                let u = self.subject();
                self.video_page("likes", &u.username, Ctx::default(), false)
            }
            "public.followersList" | "user.followers" => {
                let u = self.subject();
                self.user_page("followers", &u.username, "userList", false)
            }
            "public.followingList" | "user.following" | "user.followingV1" => {
                let u = self.subject();
                self.user_page("following", &u.username, "userList", false)
            }
            "public.explore" | "user.posts.explore" => {
                let region = self.text("country").unwrap_or_else(|| "us".into());
                self.video_page("explore", &region, Ctx::default(), false)
            }
            "public.exploreCategory" => {
                let cat = self.text("category_id").unwrap_or_default();
                self.video_page("explore-category", &cat, Ctx::default(), false)
            }
            "public.relatedPosts" | "user.posts.relatedPosts" => {
                let id = w.video_id(&self.text("video_id").unwrap_or_default());
                self.video_page("related", &id, Ctx::default(), false)
            }
            "user.posts.followingPosts" => {
                self.video_page("following-posts", &self.me(), Ctx::default(), false)
            }
            "user.posts.savedPosts" => self.video_page("saved", &self.me(), Ctx::default(), false),
            "public.video" | "public.videoV2" | "public.videoV3" | "user.posts.video" => {
                let id = w.video_id(&self.text("id").unwrap_or_default());
                obj(json!({ "itemInfo": { "itemStruct": self.video(&id) } }))
            }
            "public.hashtag" => self.hashtag()?,
            "public.music" => {
                let id = self.text("id").unwrap_or_default();
                let ctx = Ctx {
                    music: Some(&id),
                    ..Ctx::default()
                };
                self.video_page("music", &id, ctx, false)
            }
            "public.musicInfo" => {
                let id = self.text("id").unwrap_or_default();
                obj(json!({
                    "musicInfo": {
                        "music": w.music_json(&id, base),
                        "stats": { "videoCount": w.total("music", &id) },
                    }
                }))
            }
            "public.playlists" | "user.posts.playlists" => self.playlists(),
            "public.playlistItems" | "user.posts.playlistItems" => {
                let id = self.text("playlist_id").unwrap_or_default();
                let owner = (id == crate::world::KNOWN_PLAYLIST.0)
                    .then_some(crate::world::KNOWN_PLAYLIST.1);
                let ctx = Ctx {
                    author: owner,
                    ..Ctx::default()
                };
                self.video_page("playlist", &id, ctx, false)
            }
            "public.commentsList" | "user.posts.comments.list" => self.comments(None),
            "public.commentRepliesList" | "user.posts.comments.replies" => {
                let parent = self.text("comment_id").unwrap_or_default();
                self.comments(Some(&parent))
            }
            "public.discover" => self.discover(),
            "public.discoverKeyword" => {
                let kw = self.text("keyword").unwrap_or_default();
                let mut body = self.video_page("discover-keyword", &kw, Ctx::default(), false);
                let users: Vec<Json> = (0..5)
                    .map(|i| {
                        w.user_entry(&w.pool_user(w.h(&["kw-user", &kw, &i.to_string()])), base)
                    })
                    .collect();
                body.insert("users".into(), Json::Array(users));
                body
            }
            "public.search" | "user.posts.search" => self.search(),
            "user.live.search" => self.live_search(),
            "user.notifications" => self.notifications(),
            "user.conversations" => self.conversations("conversations"),
            "user.conversationRequests.conversations" => {
                self.conversations("conversation_requests")
            }
            "user.messages" | "user.conversationRequests.messages" => self.messages(),
            "user.live.chat" => self.live_chat(),
            "user.live.list" => self.live_list(),
            "user.live.transactionHistory" => self.transactions(),
            "user.edit" => {
                let field = self.text("field").unwrap_or_default();
                let value = self.text("value").unwrap_or_default();
                obj(json!({
                    "message": format!("Profile {field} updated."),
                    "data": { "field": field, "value": value },
                    "status_code": 0,
                }))
            }
            "user.verify" => {
                let u = w.user_by_name(&self.me());
                obj(json!({
                    "message": "success",
                    "data": { "valid": true, "user": w.user_json(&u, base) },
                }))
            }
            "user.analytics" => self.analytics(),
            "user.follow" | "user.unfollow" => {
                let follow = key == "user.follow";
                obj(json!({
                    "follow_status": u8::from(follow),
                    "watch_status": u8::from(follow),
                    "extra": { "now": NOW * 1000 },
                    "status_code": 0,
                }))
            }
            "user.posts.like" | "user.posts.unlike" => obj(json!({
                "is_digg": u8::from(key == "user.posts.like"),
                "extra": { "now": NOW * 1000 },
                "log_pb": { "impr_id": self.rid },
                "status_code": 0,
            })),
            "user.posts.comments.post" => {
                let media = w.video_id(&self.text("media_id").unwrap_or_default());
                let text = self.text("text").unwrap_or_default();
                let me = w.user_by_name(&self.me());
                let cid = w.id19(7, &["posted-comment", &media, &text, &self.me()]);
                obj(json!({
                    "comment": {
                        "cid": cid,
                        "aweme_id": media,
                        "text": text,
                        "create_time": NOW,
                        "digg_count": 0,
                        "reply_id": self.text("reply_comment_id").unwrap_or_else(|| "0".into()),
                        "reply_comment_total": 0,
                        "user": {
                            "uid": me.id,
                            "unique_id": me.username,
                            "sec_uid": me.sec_uid,
                        },
                    },
                    "status_code": 0,
                    "status_msg": "Comment sent successfully",
                }))
            }
            "user.posts.comments.like" | "user.posts.comments.unlike" => obj(json!({
                "extra": { "now": NOW * 1000 },
                "log_pb": { "impr_id": self.rid },
                "status_code": 0,
                "status_msg": "",
            })),
            "user.posts.comments.delete" => obj(json!({
                "extra": { "now": NOW * 1000 },
                "log_pb": { "impr_id": self.rid },
                "msg": "success",
                "status_code": 0,
            })),
            "user.sendMessage" => obj(json!({
                "body": {
                    "send_message_body": {
                        "conversation_id": self.text("conversation_id"),
                        "server_message_id": w.id19(7, &["sent", &self.rid]),
                        "content": json!({ "text": self.text("text") }).to_string(),
                    }
                },
                "cmd": 100,
                "error_desc": "OK",
                "inbox_type": 0,
                "log_id": self.rid,
                "request_arrived_time": NOW * 1000,
                "sequence_id": 10010,
                "server_execution_end_time": NOW * 1000 + 212,
                "status_code": 0,
            })),
            "user.conversationRequests.markRead" => obj(json!({
                "message": "Conversation request has been marked as read.",
                "error_desc": "OK",
                "status_code": 0,
            })),
            "user.conversationRequests.delete" => obj(json!({
                "error_desc": "OK",
                "inbox_type": 0,
                "log_id": self.rid,
                "message": "Conversation request has been deleted successfully.",
                "status_code": 0,
            })),
            "user.conversationRequests.accept" => obj(json!({
                "message": "Conversation request has been accepted successfully.",
                "status_code": 0,
                "status_msg": "",
            })),
            "user.live.permissions" => obj(json!({
                "data": {
                    "can_be_live_podcast": true,
                    "third_party_stream": true,
                    "is_anchor": true,
                    "live_permission": 1,
                },
                "extra": { "now": NOW * 1000 },
                "status_code": 0,
            })),
            "user.live.start" => {
                let room = w.id19(7, &["started-room", &self.me()]);
                obj(json!({
                    "data": {
                        "room_id": room,
                        "title": self.text("title"),
                        "third_party": self.input.get("third_party").map(|v| v.to_json()),
                        "stream_url": {
                            "rtmp_push_url": format!("rtmp://127.0.0.1/live/{room}"),
                            "stream_key": format!("sandbox-{room}"),
                        },
                    },
                    "extra": { "now": NOW * 1000 },
                    "status_code": 0,
                }))
            }
            "user.live.stop" => obj(json!({
                "data": {},
                "extra": { "now": NOW * 1000 },
                "status_code": 0,
            })),
            "user.live.info" | "user.live.details" | "user.live.stats" => {
                let room = self.text("room_id").unwrap_or_default();
                obj(json!({
                    "data": self.room(&room),
                    "extra": { "now": NOW * 1000 },
                    "status_code": 0,
                }))
            }
            "user.live.recommend" => {
                let room = self.text("room_id").unwrap_or_default();
                let rooms: Vec<Json> = (0..8)
                    .map(|i| self.room(&w.id19(7, &["recommend", &room, &i.to_string()])))
                    .collect();
                obj(json!({
                    "data": rooms,
                    "extra": { "now": NOW * 1000 },
                    "hasMore": false,
                    "status_code": 0,
                }))
            }
            "user.live.sendChat" => obj(json!({
                "data": {
                    "msg_id": w.id19(7, &["chat-sent", &self.rid]),
                    "content": self.text("text"),
                    "room_id": self.text("room_id"),
                },
                "extra": { "now": NOW * 1000 },
                "status_code": 0,
            })),
            "user.live.topics" => {
                let topics: Vec<Json> = (0..10)
                    .map(|i| json!({ "id": 1000 + i, "name": w.topic(i) }))
                    .collect();
                obj(json!({
                    "data": { "topics": topics },
                    "extra": { "now": NOW * 1000 },
                    "status_code": 0,
                }))
            }
            "user.live.analytics" => {
                let days = self.input.int("days").unwrap_or(7).clamp(1, 365) as u64;
                let me = self.me();
                let history: Vec<Json> = (0..days)
                    .map(|d| {
                        let h = w.h(&["live-analytics", &me, &d.to_string()]);
                        json!({ "date": NOW - d * 86_400, "views": h % 5_000, "diamonds": (h >> 16) % 900 })
                    })
                    .collect();
                obj(json!({
                    "data": { "days": days, "history": history },
                    "extra": { "now": NOW * 1000 },
                    "status_code": 0,
                }))
            }
            "key" => self.key_info(),
            _ => Map::new(),
        };
        Ok(body)
    }

    /// The reserved values that make TikTok refuse.
    fn trigger(&self) -> Result<(), TikTokError> {
        let is = |k: &str, v: &str| self.text(k).as_deref() == Some(v);
        let key = self.ep.key.as_str();
        if is("username", "doesnotexist") {
            return Err(TikTokError(10202));
        }
        let video_endpoint = key.contains("video") || key.contains("Video");
        if is("video_id", "1") || is("media_id", "1") || (video_endpoint && is("id", "1")) {
            return Err(TikTokError(10204));
        }
        if key.starts_with("public.music") && is("id", "1") {
            return Err(TikTokError(10203));
        }
        if key == "public.hashtag" {
            if is("name", "blacklisted") {
                return Err(TikTokError(10209));
            }
            if is("id", "1") {
                return Err(TikTokError(10205));
            }
        }
        if is("room_id", "1") {
            return Err(TikTokError(10210));
        }
        Ok(())
    }

    fn hashtag(&self) -> Result<Map<String, Json>, TikTokError> {
        let w = self.world;
        let id = match (self.text("id"), self.text("name")) {
            (Some(id), _) => w.video_id(&id),
            (None, Some(name)) => {
                let id = w.hashtag_id(&name);
                return Ok(obj(json!({
                    "challengeInfo": {
                        "challenge": w.hashtag_json(&id, &self.base),
                        "stats": w.hashtag_stats(&id),
                    }
                })));
            }
            // Checked before: one of the two is required.
            (None, None) => return Ok(Map::new()),
        };
        let ctx = Ctx {
            tag: Some(&id),
            ..Ctx::default()
        };
        let mut body = self.video_page("hashtag", &id, ctx, false);
        if self.text("name").is_some() {
            body.insert(
                "challengeInfo".into(),
                json!({
                    "challenge": w.hashtag_json(&id, &self.base),
                    "stats": w.hashtag_stats(&id),
                }),
            );
        }
        Ok(body)
    }

    fn playlists(&self) -> Map<String, Json> {
        let w = self.world;
        let u = self.subject();
        let win = self.window(w.total("playlists", &u.username), 30);
        let lists: Vec<Json> = win
            .range()
            .map(|i| {
                let id = if i == 0 && u.username == crate::world::KNOWN_PLAYLIST.1 {
                    crate::world::KNOWN_PLAYLIST.0.to_owned()
                } else {
                    w.id19(7, &["playlist", &u.username, &i.to_string()])
                };
                let h = w.h(&["playlist-name", &id]);
                json!({
                    "id": id,
                    "mixId": id,
                    "name": format!("{} {}", w.topic(h), w.topic(h >> 8)),
                    "mixName": format!("{} {}", w.topic(h), w.topic(h >> 8)),
                    "video_count": w.total("playlist", &id),
                    "cover": format!("{}/__sandbox/image/playlist/{id}.png", self.base),
                    "creator": { "uniqueId": u.username, "secUid": u.sec_uid, "id": u.id },
                })
            })
            .collect();
        let mut body = Map::new();
        body.insert("playList".into(), Json::Array(lists));
        write(self.style(), &win, false, &mut body);
        body
    }

    fn comments(&self, parent: Option<&str>) -> Map<String, Json> {
        let w = self.world;
        let media = w.video_id(&self.text("media_id").unwrap_or_default());
        let total = match parent {
            Some(p) => w.total("replies", p),
            None => w.total("comments", &media),
        };
        let win = self.window(total, 20);
        let comments: Vec<Json> = win
            .range()
            .map(|i| {
                let cid = w.comment_id(&media, parent, i);
                w.comment_json(&media, &cid, parent, &self.base)
            })
            .collect();
        let mut body = Map::new();
        body.insert("comments".into(), Json::Array(comments));
        write(self.style(), &win, true, &mut body);
        body.insert("total".into(), json!(total));
        if parent.is_none() {
            body.insert("alias_comment_deleted".into(), json!(false));
            body.insert("reply_style".into(), json!(2));
        }
        body
    }

    fn discover(&self) -> Map<String, Json> {
        let w = self.world;
        if let Some(kw) = self.text("keyword") {
            return self.video_page("discover", &kw, Ctx::default(), false);
        }
        let category = self.text("category").unwrap_or_else(|| "users".into());
        let region = self.text("country").unwrap_or_else(|| "us".into());
        let owner = format!("{category}/{region}");
        let win = self.window(w.total("discover", &owner), 30);
        let (key, items): (&str, Vec<Json>) = match category.as_str() {
            "music" => (
                "music",
                win.range()
                    .map(|i| w.music_json(&w.id19(6, &["discover-music", &owner, &i.to_string()]), &self.base))
                    .collect(),
            ),
            "hashtag" => (
                "challenges",
                win.range()
                    .map(|i| {
                        let id = w.hashtag_id(w.topic(w.h(&["discover-tag", &owner, &i.to_string()])));
                        let id = if i < 20 { id } else { w.id19(1, &["discover-tag-id", &owner, &i.to_string()]) };
                        json!({ "challenge": w.hashtag_json(&id, &self.base), "stats": w.hashtag_stats(&id) })
                    })
                    .collect(),
            ),
            _ => (
                "userList",
                win.range()
                    .map(|i| w.user_entry(&w.pool_user(w.h(&["discover-user", &owner, &i.to_string()])), &self.base))
                    .collect(),
            ),
        };
        let mut body = Map::new();
        body.insert(key.into(), Json::Array(items));
        write(self.style(), &win, false, &mut body);
        body
    }

    fn search(&self) -> Map<String, Json> {
        let w = self.world;
        let category = self.text("category").unwrap_or_else(|| "general".into());
        let query = self.text("query").unwrap_or_default();
        let owner = format!("{category}/{}", query.to_lowercase());
        let mut body = Map::new();
        if category == "autocomplete" {
            let words: Vec<Json> = (0..10)
                .map(|i| json!({ "content": format!("{query} {}", w.topic(w.h(&["suggest", &query, &i.to_string()]))) }))
                .collect();
            body.insert("data".into(), Json::Array(words));
            body.insert("has_more".into(), json!(0));
            return body;
        }
        let win = self.window(w.total("search", &owner), 12);
        let data: Vec<Json> = win
            .range()
            .map(|i| {
                let h = w.h(&["search", &owner, &i.to_string()]);
                if category == "users" || (category == "general" && h % 4 == 0) {
                    let u = if i == 0 && category == "users" {
                        w.user_by_name(&query)
                    } else {
                        w.pool_user(h)
                    };
                    let entry = w.user_entry(&u, &self.base);
                    json!({ "type": 4, "user_info": entry["user"], "stats": entry["stats"] })
                } else {
                    let id = w.list_video_id("search", &owner, i);
                    json!({ "type": 1, "item": self.video(&id) })
                }
            })
            .collect();
        body.insert("data".into(), Json::Array(data));
        write(self.style(), &win, true, &mut body);
        body
    }

    fn live_search(&self) -> Map<String, Json> {
        let w = self.world;
        let query = self.text("query").unwrap_or_default();
        let win = self.window(w.total("live-search", &query), 12);
        let data: Vec<Json> = win
            .range()
            .map(|i| {
                let room = w.id19(7, &["live-search", &query, &i.to_string()]);
                json!({ "type": 1, "live_info": self.room(&room) })
            })
            .collect();
        let mut body = Map::new();
        body.insert("data".into(), Json::Array(data));
        write(self.style(), &win, true, &mut body);
        body.insert("backtrace".into(), json!(""));
        body
    }

    fn notifications(&self) -> Map<String, Json> {
        let w = self.world;
        let filter = self.text("filter").unwrap_or_else(|| "all".into());
        let me = self.me();
        let owner = format!("{me}/{filter}");
        let total = w.total("notifications", &owner);
        let win = Window::new(
            start(Style::Times, self.input),
            page_size(self.input, 30),
            total,
        );
        let kinds: &[(&str, u64)] = &[
            ("likes", 41),
            ("comments", 31),
            ("mentions", 45),
            ("followers", 33),
        ];
        let list: Vec<Json> = win
            .range()
            .map(|i| {
                let h = w.h(&["notice", &owner, &i.to_string()]);
                let (name, kind) = match filter.as_str() {
                    "all" => kinds[(h % kinds.len() as u64) as usize],
                    f => kinds
                        .iter()
                        .copied()
                        .find(|(n, _)| *n == f)
                        .unwrap_or(kinds[0]),
                };
                let from = w.pool_user(h >> 4);
                json!({
                    "nid": w.id19(7, &["nid", &owner, &i.to_string()]),
                    "type": kind,
                    "kind": name,
                    "create_time": NOW - NOTICE_STEP * (i + 1),
                    "user": w.user_json(&from, &self.base),
                    "content": match name {
                        "likes" => "liked your video.".to_owned(),
                        "comments" => format!("commented: {}", w.comment_text(h)),
                        "mentions" => "mentioned you in a comment.".to_owned(),
                        _ => "started following you.".to_owned(),
                    },
                    "has_read": i >= 5,
                })
            })
            .collect();
        let (min_time, max_time) = if win.end > win.start {
            (
                NOW - NOTICE_STEP * (win.start + 1),
                NOW - NOTICE_STEP * win.end,
            )
        } else {
            let m = self.input.int("max_time").map_or(NOW, |m| m.max(1) as u64);
            (m, m)
        };
        obj(json!({
            "notice_lists": [{
                "notice_list": list,
                "has_more": u8::from(win.more()),
                "min_time": min_time,
                "max_time": max_time,
                "total": total,
            }],
            "status_code": 0,
            "status_msg": "",
        }))
    }

    fn conversations(&self, key: &str) -> Map<String, Json> {
        let w = self.world;
        let me = w.user_by_name(&self.me());
        let owner = format!("{}/{key}", me.username);
        let win = self.window(w.total("conversations", &owner), 20);
        let list: Vec<Json> = win
            .range()
            .map(|i| {
                let other = w.pool_user(w.h(&["conversation", &owner, &i.to_string()]));
                let short = w.id19(6, &["conv-short", &owner, &i.to_string()]);
                let h = w.h(&["conv-last", &short]);
                json!({
                    "conversation_id": format!("0:1:{}:{}", me.id, other.id),
                    "conversation_short_id": short,
                    "ticket": crate::world::b64_encode(&h.to_le_bytes()),
                    "participants": [
                        { "user_id": me.id, "unique_id": me.username, "sec_uid": me.sec_uid },
                        { "user_id": other.id, "unique_id": other.username, "sec_uid": other.sec_uid },
                    ],
                    "unread_count": h % 4,
                    "last_message": {
                        "text": w.comment_text(h),
                        "sender": other.id,
                        "create_time": NOW - i * 7_200,
                    },
                })
            })
            .collect();
        let mut body = Map::new();
        body.insert(key.into(), Json::Array(list));
        write(self.style(), &win, false, &mut body);
        body.insert("error_desc".into(), json!("OK"));
        body.insert("inbox_type".into(), json!(0));
        body.insert("status_code".into(), json!(0));
        body
    }

    fn messages(&self) -> Map<String, Json> {
        let w = self.world;
        let conv = self.text("conversation_id").unwrap_or_default();
        let requests = self.ep.key.starts_with("user.conversationRequests");
        let total = if requests {
            3
        } else {
            w.total("messages", &conv)
        };
        let win = self.window(total, 20);
        let me = w.user_by_name(&self.me());
        let list: Vec<Json> = win
            .range()
            .map(|i| {
                let h = w.h(&["message", &conv, &i.to_string()]);
                let sender = if h % 2 == 0 {
                    me.clone()
                } else {
                    w.pool_user(w.h(&["other", &conv]))
                };
                json!({
                    "message_id": w.id19(7, &["message-id", &conv, &i.to_string()]),
                    "conversation_id": conv,
                    "sender": sender.id,
                    "sender_unique_id": sender.username,
                    "create_time": NOW - i * 600,
                    "type": "text",
                    "content": { "text": w.comment_text(h) },
                })
            })
            .collect();
        let mut body = Map::new();
        body.insert("messages".into(), Json::Array(list));
        write(self.style(), &win, false, &mut body);
        body.insert("error_desc".into(), json!("OK"));
        body.insert("inbox_type".into(), json!(0));
        body.insert("status_code".into(), json!(0));
        body
    }

    /// An endless stream: every page has a next one.
    fn live_chat(&self) -> Map<String, Json> {
        let w = self.world;
        let room = self.text("room_id").unwrap_or_default();
        let from = self
            .text("nextCursor")
            .map_or(0, |c| crate::paging::decode_token(&c));
        const PAGE: u64 = 10;
        let events: Vec<Json> = (from..from + PAGE)
            .map(|seq| {
                let h = w.h(&["chat", &room, &seq.to_string()]);
                let who = w.pool_user(h);
                let user = json!({ "userId": who.id, "uniqueId": who.username, "secUid": who.sec_uid });
                let time = NOW * 1000 + seq * 1_500;
                match h % 10 {
                    0 => json!({ "type": "gift", "seq": seq, "createTime": time, "user": user,
                                 "gift": { "id": 5655, "name": "Rose", "diamondCount": 1, "repeatCount": 1 + h % 5 } }),
                    1 => json!({ "type": "like", "seq": seq, "createTime": time, "user": user, "likeCount": 1 + h % 15 }),
                    2 => json!({ "type": "member", "seq": seq, "createTime": time, "user": user, "action": "joined" }),
                    _ => json!({ "type": "chat", "seq": seq, "createTime": time, "user": user, "comment": w.comment_text(h >> 8) }),
                }
            })
            .collect();
        obj(json!({
            "messagesList": events,
            "nextCursor": crate::paging::encode_token(from + PAGE),
            "now": (NOW * 1000 + (from + PAGE) * 1_500).to_string(),
        }))
    }

    fn live_list(&self) -> Map<String, Json> {
        let w = self.world;
        let me = self.me();
        let win = self.window(w.total("lives", &me), 30);
        let ascending = self.input.int("sort") == Some(1);
        let total = win.total;
        let list: Vec<Json> = win
            .range()
            .map(|i| {
                let n = if ascending { total - 1 - i } else { i };
                let room = w.id19(7, &["my-live", &me, &n.to_string()]);
                let h = w.h(&["my-live-stats", &room]);
                json!({
                    "room_id": room,
                    "title": w.phrase(h),
                    "start_time": NOW - (n + 1) * 86_400,
                    "duration": 600 + h % 7_200,
                    "viewers": h % 20_000,
                    "diamonds": (h >> 16) % 5_000,
                })
            })
            .collect();
        let mut body = Map::new();
        body.insert("list".into(), Json::Array(list));
        write(self.style(), &win, false, &mut body);
        body
    }

    /// Paged by `page` and `count`, which the SDKs' next-page rule does not
    /// follow: the body says `hasMore: false` and `has_next_page` for callers
    /// that page by hand.
    fn transactions(&self) -> Map<String, Json> {
        let w = self.world;
        let me = self.me();
        let total = w.total("transactions", &me);
        let count = self.input.int("count").unwrap_or(12).clamp(1, 50) as u64;
        let page = self.input.int("page").unwrap_or(1).max(1) as u64;
        let win = Window::new((page - 1) * count, count, total);
        let list: Vec<Json> = win
            .range()
            .map(|i| {
                let h = w.h(&["transaction", &me, &i.to_string()]);
                json!({
                    "id": w.id19(7, &["transaction-id", &me, &i.to_string()]),
                    "type": if h % 3 == 0 { "recharge" } else { "gift" },
                    "coins": 1 + h % 500,
                    "create_time": NOW - i * 43_200,
                })
            })
            .collect();
        obj(json!({
            "data": {
                "transactions": list,
                "page": page,
                "count": count,
                "total": total,
                "has_next_page": win.more(),
            },
            "hasMore": false,
            "extra": { "now": NOW * 1000 },
            "status_code": 0,
        }))
    }

    fn analytics(&self) -> Map<String, Json> {
        let w = self.world;
        let me = self.me();
        let kind = self.text("type").unwrap_or_else(|| "overview".into());
        let days = self.input.int("days").unwrap_or(7).clamp(1, 365) as u64;
        let series = |name: &str| -> Json {
            Json::Array(
                (0..days)
                    .map(|d| {
                        let h = w.h(&["analytics", &me, &kind, name, &d.to_string()]);
                        json!({ "date": NOW - (days - d) * 86_400, "value": h % 10_000 })
                    })
                    .collect(),
            )
        };
        let u = w.user_by_name(&me);
        obj(json!({
            "type": kind,
            "days": days,
            "media_id": self.text("media_id"),
            "comment_history": series("comments"),
            "like_history": series("likes"),
            "pv_history": series("profile-views"),
            "share_history": series("shares"),
            "vv_history": series("video-views"),
            "follower_num_history": series("followers"),
            "follower_num": { "value": w.total("followers", &me) },
            "user_info": w.user_json(&u, &self.base),
            "status_code": 0,
        }))
    }

    fn room(&self, room: &str) -> Json {
        let w = self.world;
        let h = w.h(&["room", room]);
        let owner = if room == "7112492061034646278" {
            w.user_by_name("lilyachty")
        } else {
            w.pool_user(h)
        };
        json!({
            "id": room,
            "id_str": room,
            "title": w.phrase(h),
            "status": 2,
            "user_count": h % 30_000,
            "like_count": (h >> 16) % 1_000_000,
            "create_time": NOW - h % 7_200,
            "owner": w.user_json(&owner, &self.base),
            "stats": { "total_user": (h >> 8) % 100_000, "enter_count": (h >> 12) % 200_000 },
        })
    }

    fn key_info(&self) -> Map<String, Json> {
        let accounts: Vec<Json> = [SANDBOX_ACCOUNT_USER, "lilyachty"]
            .iter()
            .map(|name| {
                let u = self.world.user_by_name(name);
                json!({ "id": u.id, "username": u.username, "secUid": u.sec_uid, "status": 1 })
            })
            .collect();
        obj(json!({
            "accounts": accounts,
            "active": 1,
            "app": { "name": "tikapi-sandbox" },
            "bandwidth": { "used": 0, "limit": 107_374_182_400u64 },
            "credits": 779,
            "dark_mode": 0,
            "date_expiry": 1_659_088_800,
            "email": "sandbox@example.com",
            "has_expired": false,
            "id": 1,
            "logs": [],
            "logs_count": 0,
            "plan_id": 3,
            "sub_id": 5,
            "subscription_active": 1,
        }))
    }
}

fn obj(v: Json) -> Map<String, Json> {
    match v {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}
