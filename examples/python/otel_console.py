"""OpenTelemetry: every request tikapi sends is a CLIENT span (HTTP-client
semantic conventions, plus ``tikapi.endpoint``), a child of the app's current
span, with its ``traceparent`` sent along. Here the console exporter prints
the spans of a walk of three pages. tikapi needs nothing but the app's own
tracer provider (``pip install opentelemetry-sdk``).

    TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 python examples/python/otel_console.py
"""

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor
from tikapi import TikAPI

API_KEY = "DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s"
SEC_UID = "MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud"

provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
trace.set_tracer_provider(provider)
tracer = trace.get_tracer("otel-console-example")

api = TikAPI(API_KEY)
api.set(__sandbox__=True)

with tracer.start_as_current_span("walk three pages"):
    for page in api.public.posts.pages(secUid=SEC_UID, max_pages=3):
        print("page with", len(page.json()["itemList"]), "videos")

provider.shutdown()
