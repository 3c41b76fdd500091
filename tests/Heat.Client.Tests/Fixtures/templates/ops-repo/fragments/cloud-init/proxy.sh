export http_proxy=http://proxy.internal:3128
export https_proxy=$http_proxy
export no_proxy=localhost,127.0.0.1,.internal
