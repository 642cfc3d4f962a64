module vmbench/goecho

go 1.19
