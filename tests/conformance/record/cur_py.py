import json, base64
from tikapi import TikAPI
cases = json.load(open('curcases.json'))
for i,(key, body, ctype) in enumerate(cases):
    api = TikAPI("Zyxwvutsrq9876543210")
    api.set(__sandbox__=True, __options__={"sandboxBase":"http://127.0.0.1:8797", "headers":{'x-tag':'py%d'%i, 'x-body':base64.b64encode(json.dumps(body).encode()).decode(), 'x-ctype':ctype}})
    f = api
    for p in key.split('.'): f = getattr(f, p)
    try:
        r = f(); n = r.next_items(); print(i, key, 'STOP' if n is None else 'NEXT')
    except Exception as e: print(i, key, 'ERR', type(e).__name__, e)
