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

-- With a second file and a share (`-- PATHS_FILE FRESH_FILE SHARE RUN`), that share of the
-- requests takes a path from the second list instead: a list so long (searches made up of
-- random word combinations) that hardly any comes twice, the long tail of searches that no
-- page cache has seen. RUN numbers the runs of one benchmark, so each run (the warm-up,
-- every round) draws its own sequence instead of replaying the one before; the draws stay
-- the same from one benchmark to the next.
function init(args)
   report_init(args)
   paths = read_paths(args[1])
   fresh_share = tonumber(args[3] or "0") or 0
   fresh = (fresh_share > 0 and args[2]) and read_paths(args[2]) or {}
   local run = tonumber(args[4] or "0") or 0
   math.randomseed(20261129 + (number or 0) + 1000 * run)
end

function read_paths(file)
   local found = {}
   for line in io.lines(file) do
      if line ~= "" then
         table.insert(found, line)
      end
   end
   return found
end

function request()
   if #fresh > 0 and math.random() < fresh_share then
      return wrk.format(nil, fresh[math.random(#fresh)])
   end
   return wrk.format(nil, paths[math.random(#paths)])
end
