-- wrk script for bench/http_bench.py: like report.lua (which it loads for the counting and the
-- JSON line), but each request takes a path from a file of many (`-- PATHS_FILE`), at random
-- with a fixed seed per thread, so a run spreads over many different searches the way real
-- visitors do instead of repeating one URL.

local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "report.lua")

local report_setup = setup
local report_init = init
local thread_number = 0

function setup(thread)
   thread_number = thread_number + 1
   thread:set("number", thread_number)
   report_setup(thread)
end

function init(args)
   report_init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if line ~= "" then
         table.insert(paths, line)
      end
   end
   math.randomseed(20261129 + (number or 0))
end

function request()
   return wrk.format(nil, paths[math.random(#paths)])
end
