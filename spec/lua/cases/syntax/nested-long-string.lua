local s = [[ a [[ b ]] c ]]
