// An app written only against the official `tikapi` 3.2.2 npm SDK: nothing
// here is specific to this package. Run it against the local sandbox with
//   TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 node examples/node/official_app.mjs
import TikAPI from 'tikapi';

const api = TikAPI('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s');
api.set({ $sandbox: true });

async function main() {
  // A profile, then the user's posts, page by page.
  const profile = await api.public.check({ username: 'lilyachty' });
  const user = profile.json.userInfo.user;
  console.log(`${user.nickname} (@${user.uniqueId})`);

  let response = await api.public.posts({ secUid: user.secUid });
  let pages = 0;
  let posts = 0;
  let firstVideo;
  while (response) {
    pages++;
    const items = response?.json?.itemList || [];
    posts += items.length;
    firstVideo = firstVideo || items[0]?.id;
    response = await Promise.resolve(response?.nextItems());
  }
  console.log(`${posts} posts in ${pages} pages`);

  const video = await api.public.video({ id: firstVideo });
  console.log(`video ${firstVideo}: ${video.json.itemInfo.itemStruct.desc}`);

  // Acting for an authorised account.
  const User = new api.user({ accountKey: 'DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A' });
  const me = await User.info();
  console.log(`signed in as @${me.json.userInfo.user.uniqueId}`);

  let notifications = await User.notifications();
  let notices = 0;
  while (notifications) {
    notices += notifications?.json?.notice_lists?.[0]?.notice_list?.length || 0;
    notifications = await Promise.resolve(notifications?.nextItems());
  }
  console.log(`${notices} notifications`);

  // Errors: the official shape.
  try {
    await api.public.check({ username: 'doesnotexist' });
  } catch (err) {
    console.log(`expected error: ${err?.statusCode} ${err?.message} (TikTok code ${err?.json?.statusCode})`);
  }
  try {
    await api.public.posts({ secUid: user.secUid, count: 500 });
  } catch (err) {
    console.log(`expected validation error on ${err?.field}: ${err?.message}`);
  }
}

main().catch((err) => {
  console.log('failed:', err?.statusCode, err?.message, err?.json);
  process.exitCode = 1;
});
