// Builds pulumi-language-java, the language host that `pulumi up -s POD` from the repo root
// needs (Pulumi.yaml, runtime: java). Inline Automation API programs do not need it.
module podctl.local/tools/pulumilanguagejava

go 1.24

require github.com/pulumi/pulumi-java/pkg v1.21.3

// Module path spellings that the language host's dependency graph disagrees on.
replace (
	github.com/Sirupsen/logrus => github.com/sirupsen/logrus v1.8.3
	github.com/gogo/protobuf => github.com/gogo/protobuf v1.3.2
)
