# Helpers the bench programs share; dot-source it after $lab (lab.json) is read where Invoke-OpenStack is used.

# A new pwsh like this one. Under 'dotnet pwsh' (the local tool) this process is dotnet itself: start pwsh.dll the same way.
function Invoke-ChildPwsh {
    $native = Join-Path $PSHOME 'pwsh'
    if ((Test-Path $native -PathType Leaf) -and -not $IsWindows) { & $native @args }
    elseif (Test-Path (Join-Path $PSHOME 'pwsh.exe')) { & (Join-Path $PSHOME 'pwsh.exe') @args }
    else { & dotnet (Join-Path $PSHOME 'pwsh.dll') @args }
}

function Get-Median($values) { $sorted = @($values | Sort-Object); $sorted[[int][math]::Floor($sorted.Count / 2)] }

# The reference client as the lab's demo user, from the lab's clouds.yaml; its exit code is left in $LASTEXITCODE.
function Invoke-OpenStack {
    $env:OS_CLIENT_CONFIG_FILE = $lab.clouds_yaml; $env:OS_CLOUD = $lab.cloud
    try { & openstack @args 2>&1 } finally { Remove-Item Env:OS_CLIENT_CONFIG_FILE, Env:OS_CLOUD -ErrorAction SilentlyContinue }
}
