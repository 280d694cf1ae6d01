"""Prints the type tokens com.pulumi:aws uses (resources and functions), one a line.

They sit in the jar's class files as string constants of @ResourceType annotations and invoke
calls, e.g. "aws:ec2/vpc:Vpc" or "aws:index/getRegion:getRegion"; the bridged provider must
answer to exactly these.
"""
import re
import sys
import zipfile

TOKEN = re.compile(rb"aws:[A-Za-z0-9]+/[A-Za-z0-9]+:[A-Za-z0-9]+")


def main(jar_path: str) -> None:
    found = set()
    with zipfile.ZipFile(jar_path) as jar:
        for entry in jar.namelist():
            if entry.startswith("com/pulumi/aws/") and entry.endswith(".class"):
                found.update(m.decode() for m in TOKEN.findall(jar.read(entry)))
    if not found:
        sys.exit(f"no type tokens in {jar_path}")
    print("\n".join(sorted(found)))


if __name__ == "__main__":
    main(sys.argv[1])
