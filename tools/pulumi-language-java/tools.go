//go:build tools

// Package tools pins the Java language host's main package for `go mod tidy`.
package tools

import _ "github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java"
