// pulumi-resource-aws for podctl's test suite: the HashiCorp Terraform AWS provider served to the
// Pulumi engine as package "aws", with the type tokens com.pulumi:aws uses.
//
// pulumi-aws itself cannot be built on machines without access to its patched provider fork, but
// it bridges the same upstream provider. scripts/install-pulumi builds this file inside a copy of
// pulumi-terraform-bridge's dynamic/ tree (so it may use that tree's internal loader) and embeds
// the token list read from the com.pulumi:aws jar. Nothing here is needed by users who have a
// normal Pulumi installation.
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/spf13/afero"
	"golang.org/x/sys/unix"

	"github.com/pulumi/pulumi-terraform-bridge/v3/dynamic/internal/fixup"
	"github.com/pulumi/pulumi-terraform-bridge/v3/dynamic/internal/shim/run"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/proto"
	pfbridge "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfgen"
)

// The version com.pulumi:aws asks the engine for; the plugin registers under it.
const providerVersion = "6.83.0"

// Set by the build: the Terraform provider binary this plugin serves.
var terraformProvider = ""

// One com.pulumi:aws type token a line (resources and functions), read from the jar at build time.
//
//go:embed tokens.txt
var sdkTokens string

// The environment variable through which this binary, started as the Terraform child, learns
// what to exec.
const childEnv = "PODCTL_TERRAFORM_AWS_PROVIDER"

func main() {
	if strings.HasPrefix(filepath.Base(os.Args[0]), "terraform-provider-") {
		execTerraformChild()
	}
	ctx := context.Background()
	info, closeProvider, err := providerInfo(ctx)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-aws: %v\n", err)
		os.Exit(1)
	}
	defer closeProvider()
	pfbridge.Main(ctx, "aws", info, pfbridge.ProviderMetadata{XGetSchema: cachedSchema(info)})
}

// execTerraformChild replaces this process with the Terraform provider, asking the kernel to kill
// it when its parent (this plugin) dies: the engine ends plugins with SIGKILL, which would
// otherwise orphan a 700 MB Terraform process per run.
func execTerraformChild() {
	target := os.Getenv(childEnv)
	if target == "" {
		fmt.Fprintln(os.Stderr, "pulumi-resource-aws: started as the Terraform child without "+childEnv)
		os.Exit(1)
	}
	if err := unix.Prctl(unix.PR_SET_PDEATHSIG, uintptr(syscall.SIGKILL), 0, 0, 0); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-aws: prctl: %v\n", err)
		os.Exit(1)
	}
	err := syscall.Exec(target, append([]string{target}, os.Args[1:]...), os.Environ())
	fmt.Fprintf(os.Stderr, "pulumi-resource-aws: exec %s: %v\n", target, err)
	os.Exit(1)
}

func providerInfo(ctx context.Context) (tfbridge.ProviderInfo, func(), error) {
	target := os.Getenv(childEnv)
	if target == "" {
		target = terraformProvider
	}
	if _, err := os.Stat(target); err != nil {
		return tfbridge.ProviderInfo{}, nil, fmt.Errorf("the Terraform AWS provider %q is missing (rebuild with scripts/install-pulumi): %w", target, err)
	}
	self, err := os.Executable()
	if err != nil {
		return tfbridge.ProviderInfo{}, nil, err
	}
	// The loader runs whatever "terraform-provider-aws*" it finds in a folder: a link back to
	// this binary, which sets the death signal and then execs the real provider.
	shimDir, err := os.MkdirTemp("", "podctl-aws-provider-")
	if err != nil {
		return tfbridge.ProviderInfo{}, nil, err
	}
	link := filepath.Join(shimDir, "terraform-provider-aws")
	if err := os.Symlink(self, link); err != nil {
		return tfbridge.ProviderInfo{}, nil, err
	}
	os.Setenv(childEnv, target)

	tf, err := run.LocalProvider(ctx, link)
	if err != nil {
		os.RemoveAll(shimDir)
		return tfbridge.ProviderInfo{}, nil, fmt.Errorf("starting %s: %w", target, err)
	}
	closeAll := func() {
		tf.Close()
		os.RemoveAll(shimDir)
	}
	info := tfbridge.ProviderInfo{
		P:              proto.New(ctx, tf),
		Name:           "aws",
		Version:        providerVersion,
		ResourcePrefix: "aws",
		MetadataInfo:   &tfbridge.MetadataInfo{Path: "", Data: tfbridge.ProviderMetadata(nil)},
	}
	if err := fixup.Default(&info); err != nil {
		closeAll()
		return info, nil, err
	}
	applyFieldNames(&info)
	resources, functions := tokenIndex(sdkTokens)
	if err := info.ComputeTokens(tfbridge.Strategy{
		Resource:   resourceStrategy(resources),
		DataSource: dataSourceStrategy(functions),
	}); err != nil {
		closeAll()
		return info, nil, err
	}
	info.SetAutonaming(255, "-")
	return info, closeAll, nil
}

// applyFieldNames names the fields whose com.pulumi:aws names differ from the bridge's defaults.
// Each was found by comparing an Args class of the pod program with the bridged schema.
func applyFieldNames(info *tfbridge.ProviderInfo) {
	keepList := false
	fields := map[string]map[string]*tfbridge.SchemaInfo{
		"aws_security_group": {
			"ingress": {Name: "ingress"},
			"egress":  {Name: "egress"},
		},
		"aws_route53_record": {
			"alias":                       {Name: "aliases", MaxItemsOne: &keepList},
			"failover_routing_policy":     {Name: "failoverRoutingPolicies", MaxItemsOne: &keepList},
			"geolocation_routing_policy":  {Name: "geolocationRoutingPolicies", MaxItemsOne: &keepList},
			"latency_routing_policy":      {Name: "latencyRoutingPolicies", MaxItemsOne: &keepList},
			"weighted_routing_policy":     {Name: "weightedRoutingPolicies", MaxItemsOne: &keepList},
		},
	}
	if info.Resources == nil {
		info.Resources = map[string]*tfbridge.ResourceInfo{}
	}
	for resource, overrides := range fields {
		r := info.Resources[resource]
		if r == nil {
			r = &tfbridge.ResourceInfo{}
			info.Resources[resource] = r
		}
		if r.Fields == nil {
			r.Fields = map[string]*tfbridge.SchemaInfo{}
		}
		for field, schemaInfo := range overrides {
			r.Fields[field] = schemaInfo
		}
	}
}

// tokenIndex keys every SDK token by the Terraform names it may stand for:
// "<module>_<snake name>" first, then "<snake name>" alone.
func tokenIndex(text string) (resources, functions map[string][]string) {
	resources, functions = map[string][]string{}, map[string][]string{}
	for _, line := range strings.Split(text, "\n") {
		token := strings.TrimSpace(line)
		parts := strings.Split(token, ":")
		if len(parts) != 3 || parts[0] != "aws" {
			continue
		}
		module := strings.SplitN(parts[1], "/", 2)[0]
		name := parts[2]
		index := resources
		if strings.HasPrefix(name, "get") {
			index, name = functions, strings.TrimPrefix(name, "get")
		}
		snake := snakeCase(name)
		index[module+"_"+snake] = append(index[module+"_"+snake], token)
		index[snake] = append(index[snake], token)
	}
	return resources, functions
}

// pick chooses the token for a Terraform name: a module-qualified match first, then one in ec2
// (where com.pulumi:aws puts most unqualified names), never a token already taken.
func pick(index map[string][]string, tfName string, taken map[string]bool) string {
	candidates := append([]string(nil), index[strings.TrimPrefix(tfName, "aws_")]...)
	sort.SliceStable(candidates, func(i, j int) bool { return rank(candidates[i], tfName) < rank(candidates[j], tfName) })
	for _, c := range candidates {
		if !taken[strings.ToLower(c)] {
			taken[strings.ToLower(c)] = true
			return c
		}
	}
	return ""
}

func rank(token, tfName string) int {
	module := strings.SplitN(strings.Split(token, ":")[1], "/", 2)[0]
	switch {
	case strings.HasPrefix(strings.TrimPrefix(tfName, "aws_"), module+"_"):
		return 0
	case module == "ec2":
		return 1
	case module == "index":
		return 2
	default:
		return 3
	}
}

func resourceStrategy(index map[string][]string) tfbridge.ResourceStrategy {
	taken := map[string]bool{}
	return func(tfName string, r *tfbridge.ResourceInfo) error {
		if r.Tok == "" {
			if token := pick(index, tfName, taken); token != "" {
				r.Tok = tokens.Type(token)
			}
		}
		return nil
	}
}

func dataSourceStrategy(index map[string][]string) tfbridge.DataSourceStrategy {
	taken := map[string]bool{}
	return func(tfName string, d *tfbridge.DataSourceInfo) error {
		if d.Tok == "" {
			if token := pick(index, tfName, taken); token != "" {
				d.Tok = tokens.ModuleMember(token)
			}
		}
		return nil
	}
}

// snakeCase turns "SecurityGroupIngressRule" into "security_group_ingress_rule" and
// "Route53Zone" into "route53_zone".
func snakeCase(name string) string {
	var b strings.Builder
	runes := []rune(name)
	for i, r := range runes {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(runes[i-1]) || unicode.IsDigit(runes[i-1]))
			nextLower := i > 0 && i+1 < len(runes) && unicode.IsUpper(runes[i-1]) && unicode.IsLower(runes[i+1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cachedSchema generates the package schema once (30-45 s) and keeps it next to the binary; only
// YAML programs and code generators ask for it.
func cachedSchema(info tfbridge.ProviderInfo) func(context.Context, plugin.GetSchemaRequest) ([]byte, error) {
	return func(ctx context.Context, _ plugin.GetSchemaRequest) ([]byte, error) {
		self, _ := os.Executable()
		cache := self + ".schema.json"
		if data, err := os.ReadFile(cache); err == nil {
			return data, nil
		}
		g, err := tfgen.NewGenerator(tfgen.GeneratorOptions{
			Package: info.Name, Version: info.Version, Language: tfgen.Schema, ProviderInfo: info,
			Root: afero.NewMemMapFs(), Sink: quietSink{}, XInMemoryDocs: true, SkipExamples: true,
		})
		if err != nil {
			return nil, err
		}
		generated, err := g.Generate()
		if err != nil {
			return nil, err
		}
		spec := generated.PackageSpec
		spec.Version = info.Version
		spec.Language = map[string]schema.RawMessage{}
		data, err := json.Marshal(spec)
		if err != nil {
			return nil, err
		}
		_ = os.WriteFile(cache, data, 0o644)
		return data, nil
	}
}

// quietSink drops the generator's diagnostics: missing upstream docs are expected here.
type quietSink struct{}

func (quietSink) Logf(diag.Severity, *diag.Diag, ...interface{})     {}
func (quietSink) Debugf(*diag.Diag, ...interface{})                   {}
func (quietSink) Infof(*diag.Diag, ...interface{})                    {}
func (quietSink) Infoerrf(*diag.Diag, ...interface{})                 {}
func (quietSink) Errorf(*diag.Diag, ...interface{})                   {}
func (quietSink) Warningf(*diag.Diag, ...interface{})                 {}
func (quietSink) Stringify(diag.Severity, *diag.Diag, ...interface{}) (string, string) { return "", "" }
