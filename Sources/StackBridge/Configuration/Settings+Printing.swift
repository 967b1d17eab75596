extension Settings: CustomStringConvertible {
    /// The effective configuration as `key: value` lines in key order, secrets as `<redacted>`.
    public var effectiveLines: [String] {
        var out = EffectiveLines()
        out.add("server.loops", server.loops)
        out.add("server.http.enabled", server.http.enabled)
        out.add("server.http.address", server.http.address)
        out.add("server.http.port", server.http.port)
        out.add("server.https.enabled", server.https.enabled)
        out.add("server.https.address", server.https.address)
        out.add("server.https.port", server.https.port)
        out.add("server.https.certificate", server.https.certificate)
        out.add("server.https.privateKey", server.https.privateKey)
        out.add("server.https.sni", server.https.sni.map(\.text))
        out.add("server.ec2Path", server.ec2Path)
        out.add("server.publicURL", server.publicURL)
        out.add("server.limits.maxHeaderBytes", server.limits.maxHeaderBytes)
        out.add("server.limits.maxBodyBytes", server.limits.maxBodyBytes)
        out.add("server.limits.readTimeoutSeconds", server.limits.readTimeoutSeconds)
        out.add("server.limits.writeTimeoutSeconds", server.limits.writeTimeoutSeconds)
        out.add("server.limits.idleTimeoutSeconds", server.limits.idleTimeoutSeconds)
        out.add("server.limits.maxInFlightPerLoop", server.limits.maxInFlightPerLoop)
        out.add("server.limits.maxConnections", server.limits.maxConnections)
        out.add("server.shutdownGraceSeconds", server.shutdownGraceSeconds)
        out.add("admin.enabled", admin.enabled)
        out.add("admin.address", admin.address)
        out.add("admin.port", admin.port)
        out.add("log.format", log.format.rawValue)
        out.add("log.level", log.level.rawValue)
        out.add("log.accessLog", log.accessLog)
        let cs = cloudstack
        out.add("cloudstack.endpoint", cs.endpoint)
        out.add("cloudstack.caFile", cs.caFile)
        out.add("cloudstack.verifyCertificate", cs.verifyCertificate)
        out.add("cloudstack.clientCertificate", cs.clientCertificate)
        out.add("cloudstack.clientKey", cs.clientKey)
        out.add("cloudstack.pool.size", cs.pool.size)
        out.add("cloudstack.pool.idleTimeoutSeconds", cs.pool.idleTimeoutSeconds)
        out.add("cloudstack.pool.queueLimit", cs.pool.queueLimit)
        out.add("cloudstack.pool.queueDeadlineMilliseconds", cs.pool.queueDeadlineMilliseconds)
        out.add("cloudstack.timeouts.connectMilliseconds", cs.timeouts.connectMilliseconds)
        out.add("cloudstack.timeouts.responseMilliseconds", cs.timeouts.responseMilliseconds)
        out.add("cloudstack.maxResponseBytes", cs.maxResponseBytes)
        out.add("cloudstack.pageSize", cs.pageSize)
        out.add("cloudstack.retries.maxAttempts", cs.retries.maxAttempts)
        out.add("cloudstack.retries.baseBackoffMilliseconds", cs.retries.baseBackoffMilliseconds)
        out.add("cloudstack.retries.budgetPercent", cs.retries.budgetPercent)
        out.add("cloudstack.signatureVersion3", cs.signatureVersion3)
        out.add("cloudstack.expiresSeconds", cs.expiresSeconds)
        out.add("cloudstack.jobs.pollInitialMilliseconds", cs.jobs.pollInitialMilliseconds)
        out.add("cloudstack.jobs.pollMaxMilliseconds", cs.jobs.pollMaxMilliseconds)
        out.add("cloudstack.jobs.timeoutSeconds", cs.jobs.timeoutSeconds)
        out.add("cloudstack.catalog.ttlSeconds", cs.catalogTTLSeconds)
        out.add("cloudstack.adminApiKey", cs.adminApiKey)
        out.add("cloudstack.adminSecretKey", cs.adminSecretKey)
        out.add("ec2.region", ec2.region)
        out.add("ec2.credentialSources", ec2.credentialSources.map(\.rawValue))
        out.add("ec2.staticCredentialsFile", ec2.staticCredentialsFile)
        out.add("ec2.registry.path", ec2.registry.path)
        out.add("ec2.registry.masterKey", ec2.registry.masterKey)
        out.add("ec2.credentialCacheSeconds", ec2.credentialCacheSeconds)
        out.add("ec2.instanceTypes", ec2.instanceTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        out.add("ec2.volumeTypes", ec2.volumeTypes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        out.add("ec2.vpcOffering", ec2.vpcOffering)
        out.add("ec2.vpcTierOffering", ec2.vpcTierOffering)
        out.add("gce.project", gce.project)
        out.add("gce.tokenKey", gce.tokenKey)
        out.add("gce.tokenLifetimeSeconds", gce.tokenLifetimeSeconds)
        out.add("gce.redirectURIs", gce.redirectURIs)
        out.add("gce.imageProjects", gce.imageProjects)
        out.add("gce.batch.maxParts", gce.batchMaxParts)
        out.add("gce.batch.maxPartBytes", gce.batchMaxPartBytes)
        out.add("gce.batch.maxTotalBytes", gce.batchMaxTotalBytes)
        out.add("gce.networks.vpcOffering", gce.networksVPCOffering)
        out.add("gce.networks.subnetworkOffering", gce.networksSubnetworkOffering)
        out.add("gce.networks.cidr", gce.networksCIDR)
        out.add("gce.networks.zone", gce.networksZone)
        out.add("simulator.jobDurationMilliseconds", simulator.jobDurationMilliseconds)
        out.add("simulator.seed", simulator.seed)
        out.add("simulator.latencyMilliseconds", simulator.latencyMilliseconds)
        out.add("simulator.vms", simulator.vms)
        out.add("simulator.address", simulator.address)
        out.add("simulator.port", simulator.port)
        return out.lines
    }

    /// The effective configuration, secrets redacted: safe to log.
    public var description: String {
        effectiveLines.joined(separator: "\n")
    }
}

/// Renders values YAML-style: strings quoted, lists in brackets, secrets redacted.
private struct EffectiveLines {
    var lines: [String] = []

    mutating func add(_ key: String, _ value: Int) {
        lines.append("\(key): \(value)")
    }

    mutating func add(_ key: String, _ value: Bool) {
        lines.append("\(key): \(value)")
    }

    mutating func add(_ key: String, _ value: String) {
        lines.append("\(key): \(quoted(value))")
    }

    mutating func add(_ key: String, _ value: [String]) {
        lines.append("\(key): [\(value.map(quoted).joined(separator: ", "))]")
    }

    // An unset secret prints as "" so an operator can tell "missing" from "set"; a set one never prints.
    mutating func add(_ key: String, _ value: Secret) {
        lines.append("\(key): \(value.isEmpty ? "\"\"" : Secret.redacted)")
    }

    private func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
