#!/usr/bin/env python3
"""Writes tests/data/retry/botocore-retries.json: what botocore's three retry modes decide, for the
C++ tests to compare against (tests/client/test_retry.cpp).

- legacy: retryhandler.py with data/_retry.json, per service: retried or not, and the wait, for a
  table of outcomes and attempts (random() = 0.5);
- standard: retries/standard.py's StandardRetryConditions on the same outcomes;
- adaptive: retries/adaptive.py's ClientRateLimiter replayed on a fake clock: the wait before each
  send, and the fill rate and measured rate after each answer.

Run: python3 tools/retry_reference.py > tests/data/retry/botocore-retries.json
"""
import json
import random
import sys
from unittest import mock

import botocore
import botocore.session
from botocore import retryhandler, translate
from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.loaders import create_loader
from botocore.retries import adaptive, bucket, standard, throttling

SERVICES = ["ssm", "dynamodb", "kinesis", "sqs", "organizations"]
OUTCOMES = [
    {"transport_failed": True},
    {"status": 200},
    {"status": 400, "code": "ValidationException"},
    {"status": 400, "code": "ThrottlingException"},
    {"status": 400, "code": "Throttling"},
    {"status": 400, "code": "ThrottledException"},
    {"status": 400, "code": "RequestThrottledException"},
    {"status": 400, "code": "ProvisionedThroughputExceededException"},
    {"status": 400, "code": "TooManyRequestsException"},
    {"status": 400, "code": "LimitExceededException"},
    {"status": 400, "code": "TransactionInProgressException"},
    {"status": 400, "code": "RequestTimeoutException"},
    {"status": 403, "code": "RequestThrottled"},
    {"status": 409, "code": "ReplicatedWriteConflictException"},
    {"status": 429},
    {"status": 429, "code": "TooManyRequestsException"},
    {"status": 500},
    {"status": 502},
    {"status": 503},
    {"status": 503, "code": "ThrottlingException"},
    {"status": 504},
    {"status": 509},
    {"status": 501},
]


class FakeHttp:
    def __init__(self, status):
        self.status_code = status
        self.headers = {}
        self.content = b""


def response_of(o):
    if o.get("transport_failed"):
        return None, BotoConnectionError(error="refused")
    parsed = {"ResponseMetadata": {}}
    if "code" in o:
        parsed["Error"] = {"Code": o["code"], "Message": ""}
    return (FakeHttp(o["status"]), parsed), None


def legacy_cases():
    data = create_loader().load_data("_retry")
    cases = []
    for service in SERVICES:
        config = translate.build_retry_config(service, data["retry"], data["definitions"])
        handler = retryhandler.create_retry_handler(config, service)
        for o in OUTCOMES:
            for attempt in (1, 2, 4, 5, 9, 10):
                response, caught = response_of(o)
                with mock.patch("random.random", return_value=0.5):
                    try:
                        delay = handler(attempts=attempt, response=response, caught_exception=caught,
                                        request_dict={"context": {}})
                    except BotoConnectionError:
                        delay = None  # out of attempts: botocore raises the failure
                cases.append({"service": service, "outcome": o, "attempt": attempt, "wait": delay})
    return cases


def standard_cases():
    conditions = standard.StandardRetryConditions(max_attempts=3)
    operation = botocore.session.get_session().get_service_model("ssm").operation_model("GetParameter")
    cases = []
    for o in OUTCOMES:
        response, caught = response_of(o)
        http, parsed = response if response else (None, None)
        context = standard.RetryContext(attempt_number=1, operation_model=operation, http_response=http,
                                        parsed_response=parsed, caught_exception=caught)
        cases.append({"outcome": o, "retried": conditions.is_retryable(context)})
    return cases


class FakeClock:
    def __init__(self, t):
        self.t = t

    def current_time(self):
        return self.t

    def sleep(self, amount):
        self.t += amount


class FakeCondition:  # the token bucket blocks on this: waiting moves the fake clock
    def __init__(self, clock):
        self.clock = clock

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def wait(self, amount):
        self.clock.t += max(amount, 1e-9)  # real time always moves; a float sum may not

    def notify(self):
        pass


def adaptive_timeline():
    start = 1000.25
    clock = FakeClock(start)
    limiter = adaptive.ClientRateLimiter(
        rate_adjustor=throttling.CubicCalculator(starting_max_rate=0, start_time=clock.current_time()),
        rate_clocker=adaptive.RateClocker(clock),
        token_bucket=bucket.TokenBucket(max_rate=1, clock=clock),
        throttling_detector=standard.ThrottlingErrorDetector(standard.RetryEventAdapter()),
        clock=clock,
    )
    limiter._token_bucket._new_fill_rate_condition = FakeCondition(clock)
    # 10 sends a second; the service throttles from 2 s to 4 s and 7 s to 7.5 s
    events = []
    t = start
    for i in range(120):
        t = max(t, clock.t)
        throttled = 2.0 <= t - start < 4.0 or 7.0 <= t - start < 7.5
        clock.t = t
        before = clock.t
        limiter.on_sending_request(request=None)
        waited = clock.t - before
        clock.t += 0.05
        status, code = (400, "ThrottlingException") if throttled else (200, None)
        response, _ = response_of({"status": status, **({"code": code} if code else {})})
        limiter.on_receiving_response(attempts=1, response=response, caught_exception=None, operation=None,
                                      request_dict={"context": {}})
        events.append({"send": before, "waited": waited, "answer": clock.t, "throttled": throttled,
                       "fill_rate": limiter._token_bucket.max_rate,
                       "measured_rate": limiter._rate_clocker.measured_rate})
        t = clock.t + 0.05
    return {"start": start, "events": events}


json.dump({"botocore": botocore.__version__, "legacy": legacy_cases(), "standard": standard_cases(),
           "adaptive": adaptive_timeline()}, sys.stdout, indent=1)
sys.stdout.write("\n")
