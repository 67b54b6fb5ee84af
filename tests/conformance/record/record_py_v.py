import json
from tikapi import TikAPI, ValidationException
cases = json.load(open('vcases.json'))
out = []
for c in cases:
    api = TikAPI("Zyxwvutsrq9876543210")
    api.set(__sandbox__=c['sandbox'], __options__={"sandboxBase":"http://127.0.0.1:8798","base":"http://127.0.0.1:8798"})
    f = api
    for p in c['key'].split('.'): f = getattr(f, p)
    try:
        f(**c['args']); out.append({'ok': True})
    except ValidationException as e:
        out.append({'ok': False, 'field': e.field, 'msg': str(e)})
    except Exception as e:
        out.append({'ok': False, 'crash': type(e).__name__, 'msg': str(e)})
json.dump(out, open('py_vresults.json','w'))
