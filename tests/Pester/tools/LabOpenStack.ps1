# The reference client for the lab suites: `openstack` as the lab's demo user, from the lab's clouds.yaml; output as
# text, and an error (with that text) when it fails. Dot-source it in BeforeAll after $lab (lab.json) is read.
function script:Invoke-OpenStack {
    $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml
    $env:OS_CLOUD = $lab.cloud
    try {
        $text = & openstack @args 2>&1
        if ($LASTEXITCODE -ne 0) { throw "openstack $($args -join ' ') failed: $text" }
        $text
    }
    finally { Remove-Item Env:OS_CLIENT_CONFIG_FILE, Env:OS_CLOUD -ErrorAction SilentlyContinue }
}
