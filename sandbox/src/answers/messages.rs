//! Direct messages: conversations, message requests, the messages of a
//! conversation, and sending one.

use serde_json::{json, Value as Json};

use super::{obj, Answer, Body, Call};
use crate::world::{b64_encode, NOW};

pub(super) const ANSWERS: &[(&str, Answer)] = &[
    ("user.conversations", conversations),
    ("user.conversationRequests.conversations", requests),
    ("user.messages", messages),
    ("user.conversationRequests.messages", messages),
    ("user.sendMessage", send),
    ("user.conversationRequests.markRead", mark_read),
    ("user.conversationRequests.delete", delete_request),
    ("user.conversationRequests.accept", accept_request),
];

fn conversations(c: &Call<'_>) -> Body {
    conversation_page(c, "conversations")
}

fn requests(c: &Call<'_>) -> Body {
    conversation_page(c, "conversation_requests")
}

/// A page of the account's conversations (or message requests), under `key`.
fn conversation_page(c: &Call<'_>, key: &str) -> Body {
    let w = c.world;
    let me = w.user_by_name(&c.me());
    let owner = format!("{}/{key}", me.username);
    let win = c.window(w.total("conversations", &owner), 20);
    let list: Vec<Json> = win
        .range()
        .map(|i| {
            let other = w.pool_user(w.h(&["conversation", &owner, &i.to_string()]));
            let short = w.id19(6, &["conv-short", &owner, &i.to_string()]);
            let h = w.h(&["conv-last", &short]);
            let id = format!("0:1:{}:{}", me.id, other.id);
            let text = w.comment_text(h);
            let time = NOW - i * 7_200;
            json!({
                "id": id,
                "short_id": short,
                "conversationType": 1,
                "inboxType": 0,
                "isParticipant": true,
                "participantsCount": 2,
                "participantsUid": [me.id, other.id],
                "ownerUid": me.id,
                "ownerSecUid": me.sec_uid,
                "mute": 0,
                "favorite": 0,
                "notice": "",
                "messages": [{
                    "text": text,
                    "createTime": time,
                    "senderUid": other.id,
                    "senderSecUid": other.sec_uid,
                    "status": 1,
                    "type": 7,
                    "content": { "aweType": 700, "isDefault": false, "is_card": false, "msgHint": "", "type": 7 },
                }],
                "conversation_id": id,
                "conversation_short_id": short,
                "ticket": b64_encode(&h.to_le_bytes()),
                "participants": [
                    { "user_id": me.id, "unique_id": me.username, "sec_uid": me.sec_uid },
                    { "user_id": other.id, "unique_id": other.username, "sec_uid": other.sec_uid },
                ],
                "unread_count": h % 4,
                "last_message": {
                    "text": text,
                    "sender": other.id,
                    "create_time": time,
                },
            })
        })
        .collect();
    inbox(c.page(key, list, &win, false))
}

/// A page of one conversation's messages (a request has three).
fn messages(c: &Call<'_>) -> Body {
    let w = c.world;
    let conv = c.text("conversation_id").unwrap_or_default();
    let requests = c.ep.key.starts_with("user.conversationRequests");
    let total = if requests {
        3
    } else {
        w.total("messages", &conv)
    };
    let win = c.window(total, 20);
    let me = w.user_by_name(&c.me());
    let list: Vec<Json> = win
        .range()
        .map(|i| {
            let h = w.h(&["message", &conv, &i.to_string()]);
            let sender = if h % 2 == 0 {
                me.clone()
            } else {
                w.pool_user(w.h(&["other", &conv]))
            };
            let text = w.comment_text(h);
            json!({
                "text": text,
                "createTime": NOW - i * 600,
                "senderUid": sender.id,
                "senderSecUid": sender.sec_uid,
                "isStranger": requests,
                "status": 1,
                "clientMessageId": w.id19(7, &["client-message", &conv, &i.to_string()]),
                "message_id": w.id19(7, &["message-id", &conv, &i.to_string()]),
                "conversation_id": conv,
                "sender": sender.id,
                "sender_unique_id": sender.username,
                "create_time": NOW - i * 600,
                "type": "text",
                "content": { "text": text },
            })
        })
        .collect();
    inbox(c.page("messages", list, &win, false))
}

/// The fields the inbox's answers end with.
fn inbox(mut body: Body) -> Body {
    body.insert("error_desc".into(), json!("OK"));
    body.insert("inbox_type".into(), json!(0));
    body.insert("status_code".into(), json!(0));
    body
}

fn send(c: &Call<'_>) -> Body {
    obj(json!({
        "body": {
            "send_message_body": {
                "conversation_id": c.text("conversation_id"),
                "server_message_id": c.world.id19(7, &["sent", &c.rid]),
                "content": json!({ "text": c.text("text") }).to_string(),
            }
        },
        "cmd": 100,
        "error_desc": "OK",
        "inbox_type": 0,
        "log_id": c.rid,
        "request_arrived_time": NOW * 1000,
        "sequence_id": 10010,
        "server_execution_end_time": NOW * 1000 + 212,
        "status_code": 0,
    }))
}

fn mark_read(_: &Call<'_>) -> Body {
    obj(json!({
        "message": "Conversation request has been marked as read.",
        "error_desc": "OK",
        "status_code": 0,
    }))
}

fn delete_request(c: &Call<'_>) -> Body {
    obj(json!({
        "error_desc": "OK",
        "inbox_type": 0,
        "log_id": c.rid,
        "message": "Conversation request has been deleted successfully.",
        "status_code": 0,
    }))
}

fn accept_request(_: &Call<'_>) -> Body {
    obj(json!({
        "message": "Conversation request has been accepted successfully.",
        "status_code": 0,
        "status_msg": "",
    }))
}
