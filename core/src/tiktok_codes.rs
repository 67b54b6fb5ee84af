//! TikTok's own error codes, as the docs describe them. A 403 from TikAPI may
//! carry one in its `statusCode` field.

/// The docs' description of a TikTok status code, where the docs give one.
pub fn describe(code: i64) -> Option<&'static str> {
    CODES.iter().find(|(c, _)| *c == code).map(|(_, d)| *d)
}

/// Every documented code and its description.
pub const CODES: &[(i64, &str)] = &[
    (2054, "Video is unavailable or deleted."),
    (2752, "Ad video is unavailable."),
    (10000, "TikTok Captcha Error"),
    (10101, "TikTok Server Error"),
    (10102, "User not logged-in"),
    (10111, "TikTok Network Error"),
    (10113, "TikTok blocked resource"),
    (10114, "TikTok blocked resource"),
    (10119, "User not logged-in for Live"),
    (10202, "User doesn't exist"),
    (10203, "Music doesn't exist"),
    (10204, "Video doesn't exist"),
    (10205, "Hashtag doesn't exist"),
    (10208, "Effect doesn't exist"),
    (10209, "Hashtag is blacklisted"),
    (10210, "Live doesn't exist"),
    (10211, "Hashtag is sensitive"),
    (10212, "Hashtag error"),
    (10215, "Video is currently unavailable"),
    (10216, "Video is private"),
    (10217, "Video is currently unavailable"),
    (10218, "Music error"),
    (10219, "Music copyright error"),
    (10220, "Video music error"),
    (10221, "User is banned"),
    (10223, "User error"),
    (10224, "Entity doesn't exist"),
    (10225, "User unique sensitivity"),
    (10227, "Video is under review"),
    (10228, "Video is under risk control"),
    (10229, "Video is hidden"),
    (10230, "Video is under risk control"),
    (10231, "Video is not visible on your country"),
    (10241, "Video is deleted."),
    (10242, "This video has restricted access"),
    (10404, "List limit reached"),
];
