//! The world's fixed data: the docs' example users, videos, hashtags and
//! playlists wired together, and the word lists generated text is drawn from.

/// Fixed "now" for generated timestamps, so answers never change with the clock.
pub const NOW: u64 = 1_700_000_000;

/// The smallest and largest length of any list.
pub const MIN_TOTAL: u64 = 40;
pub const MAX_TOTAL: u64 = 150;

/// Users the docs' examples name, wired to each other.
pub(super) struct KnownUser {
    pub username: &'static str,
    pub id: &'static str,
    pub sec_uid: &'static str,
    pub nickname: &'static str,
    pub signature: &'static str,
    pub verified: bool,
    pub room_id: &'static str,
}

pub(super) const KNOWN_USERS: &[KnownUser] = &[
    KnownUser {
        username: "lilyachty",
        id: "6569595380449902597",
        sec_uid: "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud",
        nickname: "Lil Yachty",
        signature: "the boat.",
        verified: true,
        room_id: "7112492061034646278",
    },
    KnownUser {
        username: "maya.moves",
        id: "6784563190012345678",
        sec_uid: "MS4wLjABAAAAKxXMUvcQ2Eo_vVxLn554nbLCdsrBKtxlu_FVhnG8TX92Zo2EezMi3FA0iQ7LJZzq",
        nickname: "Maya Moves",
        signature: "dance every day 💃",
        verified: false,
        room_id: "",
    },
    KnownUser {
        username: "chef.lorenzo",
        id: "6812345098765432101",
        sec_uid: "MS4wLjABAAAABKjQkOz_IIzXXzEAl_9LGsWhvK-gBnlczwRPXK8EmxAp6K3X0qiaP5_OEqmm0XwG",
        nickname: "Chef Lorenzo",
        signature: "Italian food is the best 🍝",
        verified: true,
        room_id: "",
    },
];

/// The docs' example videos, both by `lilyachty`.
pub const KNOWN_VIDEOS: &[&str] = &["7003402629929913605", "7109178205151464746"];
/// The docs' example comment, on the second example video.
pub const KNOWN_COMMENT: (&str, &str) = ("7109178205151464746", "7109185042560680750");
/// The docs' example hashtag.
pub const KNOWN_HASHTAG: (&str, &str) = ("4655293", "lilyachty");
/// The docs' example playlist, of the `chef.lorenzo` user.
pub const KNOWN_PLAYLIST: (&str, &str) = ("7596415294902389534", "chef.lorenzo");
/// The username the docs' sandbox account key stands for.
pub const SANDBOX_ACCOUNT_USER: &str = "tikapi.sandbox";

pub(super) const SEC_UID_PREFIX: &str = "MS4wLjABAAAA";

pub(super) const FIRST: &[&str] = &[
    "sunny", "urban", "midnight", "cosmic", "golden", "lazy", "happy", "wild", "quiet", "neon",
    "salty", "rapid", "tiny", "brave", "lucky", "velvet", "crispy", "mellow", "electric", "frosty",
];
pub(super) const SECOND: &[&str] = &[
    "panda", "chef", "rider", "gamer", "dancer", "coder", "baker", "surfer", "artist", "traveler",
    "singer", "skater", "fox", "otter", "drummer", "painter", "hiker", "reader", "tiger", "koala",
];
pub(super) const TOPICS: &[&str] = &[
    "fyp", "foryou", "dance", "cooking", "travel", "comedy", "music", "pets", "diy", "fitness",
    "fashion", "gaming", "art", "nature", "food", "tutorial", "vlog", "asmr", "sports", "books",
];
pub(super) const PHRASES: &[&str] = &[
    "You won't believe what happened next",
    "Trying this for the first time",
    "POV: it's Monday again",
    "Recipe in the comments",
    "Wait for the end",
    "Day 12 of learning something new",
    "This sound is stuck in my head",
    "Rate this from 1 to 10",
    "Tell me you're a morning person without telling me",
    "Small wins count too",
];
pub(super) const COMMENTS: &[&str] = &[
    "This is amazing 😍",
    "Came here from the fyp",
    "Who else is watching this at 3am?",
    "The ending got me 😂",
    "Need a part 2!",
    "Italian food is the best",
    "Saving this for later",
    "How did you do that?",
    "Underrated",
    "The sound choice is perfect",
];
pub(super) const CITIES: &[&str] = &["New York", "Brooklyn", "Queens", "Hoboken"];
pub(super) const PLACES: &[&str] = &["Coffee Bar", "Pizza Place", "Bakery", "Noodle House"];
pub(super) const SONGS: &[&str] = &[
    "Poland",
    "Summer Nights",
    "Ocean Drive",
    "Late Again",
    "Paper Planes",
    "Gold Rush",
    "Neon Lights",
    "Slow Motion",
    "Daydream",
    "Northern Sky",
];
