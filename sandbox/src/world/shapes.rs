//! The JSON shapes of the world's things (users, stats, hashtags, music,
//! posts, comments) as the real service sends them: the generator's output
//! side, apart from the identities and lists it draws them from.

use serde_json::{json, Value as Json};

use super::*;

/// The world's things as JSON.
pub trait Shapes {
    /// The profile's `user` object.
    fn user_json(&self, u: &User, base: &str) -> Json;

    /// The profile's `stats` object: counts are the lengths of the lists.
    fn user_stats(&self, u: &User) -> Json;

    /// `statsV2`: the same counts as strings of digits.
    fn user_stats_v2(&self, u: &User) -> Json;

    fn hashtag_json(&self, id: &str, base: &str) -> Json;

    fn hashtag_stats(&self, id: &str) -> Json;

    fn music_json(&self, id: &str, base: &str) -> Json;

    /// One video as TikTok describes it. `links` gives the play and download
    /// addresses, which depend on the response the video is part of.
    fn video_json(&self, id: &str, base: &str, links: &dyn Fn(&str) -> (String, String)) -> Json;

    fn comment_json(&self, video_id: &str, cid: &str, parent: Option<&str>, base: &str) -> Json;

    /// A comment's author: snake_case, with this sandbox's camelCase keys.
    fn comment_user(&self, author: &User, base: &str) -> Json;

    /// An entry of a followers or following list.
    fn user_entry(&self, u: &User, base: &str) -> Json;
}

impl Shapes for World {
    /// The profile's `user` object.
    fn user_json(&self, u: &User, base: &str) -> Json {
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
    fn user_stats(&self, u: &User) -> Json {
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
    fn user_stats_v2(&self, u: &User) -> Json {
        digits_of(self.user_stats(u))
    }

    fn hashtag_json(&self, id: &str, base: &str) -> Json {
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

    fn hashtag_stats(&self, id: &str) -> Json {
        let h = self.h(&["tag-stats", id]);
        json!({
            "videoCount": self.total("hashtag", id),
            "viewCount": 10_000 + h % 9_000_000_000u64,
        })
    }

    fn music_json(&self, id: &str, base: &str) -> Json {
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
    fn video_json(&self, id: &str, base: &str, links: &dyn Fn(&str) -> (String, String)) -> Json {
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

    fn comment_json(&self, video_id: &str, cid: &str, parent: Option<&str>, base: &str) -> Json {
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
    fn comment_user(&self, author: &User, base: &str) -> Json {
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
    fn user_entry(&self, u: &User, base: &str) -> Json {
        json!({
            "user": self.user_json(u, base),
            "stats": self.user_stats(u),
            "statsV2": self.user_stats_v2(u),
        })
    }
}
