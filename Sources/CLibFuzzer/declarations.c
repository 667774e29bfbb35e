// SwiftPM needs a source file for a C target; the declaration is all this target provides.
#include "CLibFuzzer.h"
