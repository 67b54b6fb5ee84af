// Typed answers: every endpoint's body and item types are exported from
// 'tikapi' (PublicCheckBody, Item, ...), and this package's pages() and
// items() are typed with them. `json` stays `any`, as in the official SDK.
// tsc --strict checks this file (bindings-node/tsconfig.json).
import TikAPI, { type Item, type PublicCheckBody, type TextExtra } from 'tikapi';

const api = TikAPI('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s');
api.set({ $sandbox: true });

const secUid = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';

/** A caption's hashtags, from its textExtra (type 1). */
function hashtags(item: Item): string[] {
  const entries: TextExtra[] = item.textExtra ?? [];
  return entries.filter((e) => e.type === 1).map((e) => e.hashtagName);
}

async function main(): Promise<void> {
  const body: PublicCheckBody = (await api.public.check({ username: 'lilyachty' })).json;
  console.log(`user: ${body.userInfo.user.uniqueId}, followers: ${body.userInfo.stats.followerCount}, statusCode: ${body.statusCode}`);

  for await (const page of api.public.posts.pages({ secUid }, { maxPages: 2 })) {
    console.log(`page with ${page.json.itemList.length} posts, more: ${page.json.hasMore}`);
  }
  for await (const item of api.public.posts.items({ secUid }, { maxItems: 5 })) {
    const kind = item.imagePost ? 'photos' : 'video';
    console.log(item.id, kind, item.stats.playCount, hashtags(item));
  }
  const user = new api.user({ accountKey: 'DemoAccountKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39A' });
  for await (const message of user.live.chat.items({ room_id: '7112492061034646278' }, { maxItems: 5 })) {
    console.log(message.messageType, message.content ?? '');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
