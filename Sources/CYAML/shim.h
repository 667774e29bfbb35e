#ifndef PREFLIGHT_CYAML_SHIM_H
#define PREFLIGHT_CYAML_SHIM_H
#include <yaml.h>
#endif
