#!/usr/bin/env python3
"""What botocore makes of a paginated operation, for the awsjson command's tests to compare with:

  python3 tests/integration/boto3_pages.py SERVICE OPERATION PARAMS_JSON [PAGINATION_CONFIG_JSON]

prints boto3's paginator's build_full_result() as JSON (against AWSJSON_TEST_ENDPOINT, the
credentials and region of the environment)."""
import json
import os
import sys

import boto3


def main():
    service, operation, params = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    config = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
    client = boto3.client(service, endpoint_url=os.environ["AWSJSON_TEST_ENDPOINT"], region_name=os.environ["AWS_REGION"])
    result = client.get_paginator(operation).paginate(**params, PaginationConfig=config).build_full_result()
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    main()
