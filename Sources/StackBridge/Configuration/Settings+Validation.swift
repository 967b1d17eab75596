import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Settings {
    /// Checks that span sections or touch the file system: files exist, ports don't collide,
    /// keys decode, secrets required by the chosen endpoint are present.
    func crossCheck() -> [ConfigurationError.Problem] {
        var problems: [ConfigurationError.Problem] = []
        func problem(_ key: String, _ message: String) {
            problems.append(ConfigurationError.Problem(key: key, message: message))
        }
        func checkFile(_ key: String, _ path: String, required: Bool) {
            if path.isEmpty {
                if required { problem(key, "required") }
                return
            }
            if access(path, F_OK) != 0 {
                problem(key, "file not found: \(path)")
            } else if access(path, R_OK) != 0 {
                problem(key, "file not readable: \(path)")
            }
        }
        func checkKey32(_ key: String, _ secret: Secret, requiredBecause reason: String?) {
            if secret.isEmpty {
                if let reason { problem(key, "required \(reason)") }
                return
            }
            // The message never echoes the value: it is a secret even when malformed.
            if Base64.decode(secret.exposedValue)?.count != 32 {
                problem(key, "must be base64 of exactly 32 bytes")
            }
        }

        if server.https.enabled {
            checkFile("server.https.certificate", server.https.certificate, required: true)
            checkFile("server.https.privateKey", server.https.privateKey, required: true)
            for entry in server.https.sni {
                checkFile("server.https.sni", entry.certificate, required: true)
                checkFile("server.https.sni", entry.privateKey, required: true)
            }
        }
        if !server.http.enabled && !server.https.enabled {
            problem("server.http.enabled", "at least one of server.http and server.https must be enabled")
        }
        if server.http.enabled && server.https.enabled && server.http.port == server.https.port {
            problem("server.https.port", "must differ from server.http.port (\(server.http.port))")
        }
        if admin.enabled {
            if server.http.enabled && admin.port == server.http.port {
                problem("admin.port", "must differ from the client port server.http.port (\(server.http.port))")
            }
            if server.https.enabled && admin.port == server.https.port {
                problem("admin.port", "must differ from the client port server.https.port (\(server.https.port))")
            }
        }

        checkFile("cloudstack.caFile", cloudstack.caFile, required: false)
        checkFile("cloudstack.clientCertificate", cloudstack.clientCertificate, required: !cloudstack.clientKey.isEmpty)
        checkFile("cloudstack.clientKey", cloudstack.clientKey, required: !cloudstack.clientCertificate.isEmpty)
        if !cloudstack.isSimulator {
            if cloudstack.adminApiKey.isEmpty {
                problem("cloudstack.adminApiKey", "required when cloudstack.endpoint is a URL")
            }
            if cloudstack.adminSecretKey.isEmpty {
                problem("cloudstack.adminSecretKey", "required when cloudstack.endpoint is a URL")
            }
        }

        checkFile("ec2.staticCredentialsFile", ec2.staticCredentialsFile, required: false)
        checkKey32(
            "ec2.registry.masterKey", ec2.registry.masterKey,
            requiredBecause: ec2.registry.path.isEmpty ? nil : "when ec2.registry.path is set")
        checkKey32("gce.tokenKey", gce.tokenKey, requiredBecause: nil)
        return problems
    }
}
