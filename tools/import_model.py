#!/usr/bin/env python3
"""Copies a service model from the installed botocore into models/SERVICE.json, stripped of its
documentation (facts, not prose): every "documentation" and "documentationUrl" string, and the
operation's "documentationUrl". The botocore version it came from is recorded in the model's
metadata as "awsjsonImportedFrom". Member and shape order are kept (members are emitted in
model order). The service's paginators, waiters and endpoint rule set, where botocore has them,
are copied beside it as models/SERVICE.paginators-1.json, models/SERVICE.waiters-2.json and
models/SERVICE.endpoint-rule-set-1.json (stripped the same way); botocore's partitions (what
the rule sets' aws.partition reads) as models/aws.partitions.json, and the rule sets of STS, SSO
and SSO OIDC (the credential providers' services) likewise.

    python3 tools/import_model.py ssm dynamodb identitystore
"""
import argparse
import json
import pathlib
import sys

DROPPED = {"documentation", "documentationUrl", "deprecatedMessage"}
PROVIDER_SERVICES = ("sts", "sso", "sso-oidc")


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("services", nargs="+", help="botocore service names (ssm, dynamodb, ...)")
    parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent.parent / "models"))
    args = parser.parse_args()
    import botocore
    from botocore.exceptions import DataNotFoundError
    from botocore.loaders import Loader

    loader = Loader()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for service in args.services:
        model = strip(loader.load_service_model(service, "service-2"))
        model["metadata"]["awsjsonImportedFrom"] = f"botocore {botocore.__version__}"
        path = out / f"{service}.json"
        path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n")
        print(f"{path}: {len(model['operations'])} operations, {len(model['shapes'])} shapes", file=sys.stderr)
        for kind in ("paginators-1", "waiters-2", "endpoint-rule-set-1"):
            extra_path = out / f"{service}.{kind}.json"
            try:
                extra = strip(loader.load_service_model(service, kind))
            except DataNotFoundError:
                extra_path.unlink(missing_ok=True)
                continue
            extra_path.write_text(json.dumps(extra, indent=1, ensure_ascii=False) + "\n")
    # The rule sets of the services the credential providers call (STS, the IAM Identity Center
    # portal and its OIDC service): not awsJson services, but their endpoints follow the same rules.
    for service in PROVIDER_SERVICES:
        rules = strip(loader.load_service_model(service, "endpoint-rule-set-1"))
        (out / f"{service}.endpoint-rule-set-1.json").write_text(json.dumps(rules, indent=1, ensure_ascii=False) + "\n")
    partitions = loader.load_data("partitions")
    (out / "aws.partitions.json").write_text(json.dumps(partitions, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
