//! One call being answered: what it asked, and the helpers every family of
//! answers uses (who the call is about, one video, one page of a list).

use std::cell::Cell;

use serde_json::{Map, Value as Json};
use tikapi_core::Endpoint;

use crate::input::Input;
use crate::paging::{page_size, start, write, Style, Window};
use crate::world::Shapes;
use crate::world::{World, SANDBOX_ACCOUNT_USER};

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

/// Where a list's items come from, remembered for later lookups by id.
#[derive(Default, Clone, Copy)]
pub struct Ctx<'a> {
    pub author: Option<&'a str>,
    pub music: Option<&'a str>,
    pub tag: Option<&'a str>,
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

    pub fn text(&self, key: &str) -> Option<String> {
        self.input.text(key)
    }

    pub fn style(&self) -> Style {
        Style::of(self.ep)
    }

    /// The username the account key stands for.
    pub fn me(&self) -> String {
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
    pub fn subject(&self) -> crate::world::User {
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
    pub fn username_of(&self, given: &str) -> String {
        if given.starts_with("http") {
            self.world
                .pool_user(self.world.h(&["short-user", given]))
                .username
        } else {
            given.to_owned()
        }
    }

    pub fn video(&self, id: &str) -> Json {
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
    pub fn window(&self, total: u64, fallback_count: u64) -> Window {
        let count = page_size(self.input, fallback_count);
        match self.style() {
            Style::None => Window::new(0, count, count.min(total)),
            style => Window::new(start(style, self.input), count, total),
        }
    }

    pub fn video_page(
        &self,
        list: &str,
        owner: &str,
        ctx: Ctx<'_>,
        snake: bool,
    ) -> Map<String, Json> {
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
        self.page("itemList", items, &win, snake)
    }

    pub fn user_page(&self, list: &str, owner: &str, key: &str, snake: bool) -> Map<String, Json> {
        let w = self.world;
        let win = self.window(w.total(list, owner), 30);
        let users: Vec<Json> = win
            .range()
            .map(|i| {
                let u = w.pool_user(w.h(&[list, owner, &i.to_string()]));
                w.user_entry(&u, &self.base)
            })
            .collect();
        self.page(key, users, &win, snake)
    }

    /// A page of a list: its `items` under `key`, then the page's cursor
    /// fields (`has_more: 0/1` when `snake`, else `hasMore`).
    pub fn page(
        &self,
        key: &str,
        items: Vec<Json>,
        win: &Window,
        snake: bool,
    ) -> Map<String, Json> {
        let mut body = Map::new();
        body.insert(key.into(), Json::Array(items));
        write(self.style(), win, snake, &mut body);
        body
    }
}
