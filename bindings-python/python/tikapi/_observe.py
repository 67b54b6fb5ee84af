"""Each request the SDK sends, told to the app's OpenTelemetry and to the
``tikapi`` logger.

The core describes every request it puts on the wire (each retry, each page,
each video download) once, for every language: the span's name and
attributes (OpenTelemetry's HTTP-client semantic conventions, plus
``tikapi.endpoint`` and ``tikapi.status_code``), the metric point and the
debug line, with no key in any of them. This module only hands those to:

- the OpenTelemetry tracer, when the app has imported ``opentelemetry`` and
  set a tracer provider: one CLIENT span per request, a child of the span
  current where the call was made (``contextvars``: across ``AsyncTikAPI``
  tasks and threads), its W3C ``traceparent`` sent with the request unless
  the option ``trace_context`` is off;
- the histogram ``http.client.request.duration`` (seconds), when a meter
  provider is set;
- the ``tikapi`` logger at DEBUG: one line per request, and one more when a
  request is sent again.

tikapi never imports ``opentelemetry`` itself: an app that has not imported
it cannot have set a provider. With nothing listening, :func:`observer`
returns None after three dictionary look-ups, and calls run as before.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from typing import Any, Optional

from ._native import __version__

__all__ = ["observer"]

_LOGGER = logging.getLogger("tikapi")
_DEBUG = logging.DEBUG
_MODULES = sys.modules

#: ``http.client.request.duration``'s bucket boundaries, as the semantic
#: conventions advise (seconds).
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)

_UNKNOWN: Any = object()
#: OpenTelemetry can also take its providers from the environment, set on
#: the first get_tracer_provider() / get_meter_provider().
_PROVIDERS_FROM_ENV = any(
    name in os.environ for name in ("OTEL_PYTHON_TRACER_PROVIDER", "OTEL_PYTHON_METER_PROVIDER")
)

# The provider a tracer / histogram was made for, and it: a global provider
# is set once per process, so this is made once.
_tracing: tuple[Any, Any] = (None, None)
_metering: tuple[Any, Any] = (None, None)


def observer() -> Optional[_Observer]:
    """What to tell about the requests of the call about to be made (None:
    nothing listens). Called where the call is made, so the span current
    there is the parent of the call's spans."""
    tracer = histogram = None
    try:
        if "opentelemetry.trace" in _MODULES:
            tracer = _tracer()
        if "opentelemetry.metrics" in _MODULES:
            histogram = _histogram()
    except Exception as e:  # an OpenTelemetry we do not know: told, never fatal
        _report(e)
    log = _LOGGER.isEnabledFor(_DEBUG)
    if tracer is None and histogram is None and not log:
        return None
    try:
        return _Observer(tracer, histogram, log)
    except Exception as e:
        _report(e)
        return _Observer(None, None, log) if log else None


def _report(e: BaseException) -> None:
    hook: Any = sys.unraisablehook
    hook(_Unraisable(e, "tikapi could not reach OpenTelemetry"))


class _Unraisable:
    """What ``sys.unraisablehook`` takes (``sys.UnraisableHookArgs``)."""

    def __init__(self, e: BaseException, message: str) -> None:
        self.exc_type = type(e)
        self.exc_value = e
        self.exc_traceback = e.__traceback__
        self.err_msg = message
        self.object = None


def _tracer() -> Any:
    """The ``tikapi`` tracer of the global tracer provider, or None while
    none is set (or the set one is the API's no-op one)."""
    global _tracing
    trace: Any = _MODULES["opentelemetry.trace"]
    # The global itself, not get_tracer_provider(): that looks in os.environ
    # at every call while no provider is set (microseconds).
    provider = getattr(trace, "_TRACER_PROVIDER", _UNKNOWN)
    if provider is None and not _PROVIDERS_FROM_ENV:
        return None
    if provider is None or provider is _UNKNOWN:
        provider = trace.get_tracer_provider()
    made_for, tracer = _tracing
    if provider is made_for:
        return tracer
    if isinstance(provider, (trace.ProxyTracerProvider, trace.NoOpTracerProvider)):
        return None
    tracer = provider.get_tracer("tikapi", __version__)
    _tracing = (provider, tracer)
    return tracer


def _histogram() -> Any:
    """The ``http.client.request.duration`` histogram of the global meter
    provider, or None while none is set (or the set one is the API's no-op
    one)."""
    global _metering
    internal = _MODULES.get("opentelemetry.metrics._internal")
    provider = getattr(internal, "_METER_PROVIDER", _UNKNOWN)
    if provider is None and not _PROVIDERS_FROM_ENV:
        return None
    metrics: Any = _MODULES["opentelemetry.metrics"]
    if provider is None or provider is _UNKNOWN:
        provider = metrics.get_meter_provider()
    made_for, histogram = _metering
    if provider is made_for:
        return histogram
    if isinstance(provider, metrics.NoOpMeterProvider) or type(provider).__name__.startswith(
        "_Proxy"
    ):
        return None
    meter = provider.get_meter("tikapi", __version__)
    description = "Duration of HTTP client requests."
    try:
        histogram = meter.create_histogram(
            "http.client.request.duration",
            unit="s",
            description=description,
            explicit_bucket_boundaries_advisory=list(_BUCKETS),
        )
    except TypeError:  # opentelemetry-api < 1.23: no advisory
        histogram = meter.create_histogram(
            "http.client.request.duration", unit="s", description=description
        )
    _metering = (provider, histogram)
    return histogram


class _Observer:
    """Told by the core about each request of one call (``start`` and
    ``finish``, with the core's descriptions as dicts), on the thread that
    made the call (or its event loop's)."""

    __slots__ = ("_histogram", "_log", "_parent", "_spans", "_tracer")

    def __init__(self, tracer: Any, histogram: Any, log: bool) -> None:
        self._tracer = tracer
        self._histogram = histogram
        self._log = log
        # Requests started and not finished: id -> (span or None, attempt).
        self._spans: dict[int, tuple[Any, dict[str, Any]]] = {}
        self._parent: Any = None
        if tracer is not None:
            # The caller's context, taken now: the hooks may run later, on
            # the event loop's thread, outside the caller's task.
            self._parent = _MODULES["opentelemetry.context"].get_current()

    def start(self, attempt: dict[str, Any]) -> Optional[list[tuple[str, str]]]:
        """A request is about to be sent: its span starts. Returns the W3C
        trace headers to send with it."""
        if self._log and attempt["resendCount"]:
            _LOGGER.debug("%s", attempt["log"])
        if self._tracer is None:
            if self._log:
                self._spans[attempt["id"]] = (None, attempt)
            return None
        trace: Any = _MODULES["opentelemetry.trace"]
        span = self._tracer.start_span(
            attempt["name"],
            context=self._parent,
            kind=trace.SpanKind.CLIENT,
            attributes=attempt["attributes"],
        )
        self._spans[attempt["id"]] = (span, attempt)
        propagate = _MODULES.get("opentelemetry.propagate") or importlib.import_module(
            "opentelemetry.propagate"
        )
        carrier: dict[str, str] = {}
        propagate.inject(carrier, context=trace.set_span_in_context(span, self._parent))
        return list(carrier.items())

    def finish(self, finished: dict[str, Any]) -> None:
        """The request is over: its span ends, its duration is recorded and
        its line logged."""
        span, _ = self._spans.pop(finished["id"], (None, None))
        if span is not None:
            span.set_attributes(finished["attributes"])
            if finished["error"]:
                trace: Any = _MODULES["opentelemetry.trace"]
                span.set_status(trace.Status(trace.StatusCode.ERROR, finished["errorType"]))
            span.end()
        if self._histogram is not None:
            metric = finished["metric"]
            self._histogram.record(metric["value"], attributes=metric["attributes"])
        if self._log:
            _LOGGER.debug("%s", finished["log"])

    def abandoned(self) -> None:
        """The call ended without finishing the requests still open (its
        task was cancelled, Ctrl-C): their spans end as errors of type
        ``cancelled``, and the logger says so."""
        spans, self._spans = self._spans, {}
        for span, attempt in spans.values():
            if span is not None:
                trace: Any = _MODULES["opentelemetry.trace"]
                span.set_attribute("error.type", "cancelled")
                span.set_status(trace.Status(trace.StatusCode.ERROR, "cancelled"))
                span.end()
            if self._log:
                _LOGGER.debug("%s %s abandoned", attempt["method"], attempt["path"])
