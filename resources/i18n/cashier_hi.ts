<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>CashierTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="120" />
        <source>&amp;History (Ctrl+H)</source>
        <translation>इतिहास (&amp;H) (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="121" />
        <source>Player history</source>
        <translation>खिलाड़ी का इतिहास</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="296" />
        <source>No printer is set up: print the receipt from its window (Ctrl+P).</source>
        <translation>कोई प्रिंटर सेट नहीं है: रसीद उसकी विंडो से छापें (Ctrl+P)।</translation>
    </message>
</context>
<context>
    <name>CreditQueueTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="44" />
        <source>Credit &amp;queue</source>
        <translation>क्रेडिट कतार (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="53" />
        <source>Request</source>
        <translation>अनुरोध</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="53" />
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="53" />
        <source>Cash on account</source>
        <translation>खाते में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="53" />
        <source>Current line</source>
        <translation>वर्तमान सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="54" />
        <source>Markers outstanding</source>
        <translation>बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="54" />
        <source>Oldest marker</source>
        <translation>सबसे पुराना मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="54" />
        <source>Line asked</source>
        <translation>माँगी गई सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="55" />
        <source>Asked by</source>
        <translation>किसने माँगा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="55" />
        <source>Why</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="55" />
        <source>Waiting</source>
        <translation>प्रतीक्षा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="58" />
        <source>Pending credit requests</source>
        <translation>लंबित क्रेडिट अनुरोध</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="69" />
        <source>Approved credit limit</source>
        <translation>स्वीकृत क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="70" />
        <source>&amp;Approve with this limit (F10)</source>
        <translation>इस सीमा के साथ स्वीकृत करें (&amp;A) (F10)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="73" />
        <source>Reason for denial</source>
        <translation>अस्वीकृति का कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="75" />
        <source>&amp;Deny with this reason (F11)</source>
        <translation>इस कारण से अस्वीकार करें (&amp;D) (F11)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="77" />
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="78" />
        <source>Select a request to see the player's recent history.</source>
        <translation>खिलाड़ी का हाल का इतिहास देखने के लिए एक अनुरोध चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="83" />
        <source>The player's recent transactions</source>
        <translation>खिलाड़ी के हाल के लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="84" />
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="84" />
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="84" />
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="85" />
        <source>Markers after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="105" />
        <source>&amp;Limit</source>
        <translation>सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="109" />
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="111" />
        <source>&lt;b&gt;Credit requests waiting for a decision&lt;/b&gt; (refreshes by itself; Ctrl+F5 now)</source>
        <translation>&lt;b&gt;निर्णय की प्रतीक्षा में क्रेडिट अनुरोध&lt;/b&gt; (अपने आप ताज़ा होता है; अभी के लिए Ctrl+F5)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="119" />
        <source>Integrity alert on this balance</source>
        <translation>इस शेष पर इंटीग्रिटी चेतावनी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="181" />
        <source>(not approved)</source>
        <translation>(स्वीकृत नहीं)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="233" />
        <source>No request waiting.</source>
        <translation>कोई अनुरोध प्रतीक्षा में नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="264" />
        <source>&lt;b&gt;%1&lt;/b&gt; — cash on account %2 · line %3 · markers outstanding %4 · available %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — खाते में नकद %2 · सीमा %3 · बकाया मार्कर %4 · उपलब्ध %5</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="291" />
        <source>Enter the limit to approve.</source>
        <translation>स्वीकृत करने के लिए सीमा दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="306" />
        <source>Give the reason for the denial first.</source>
        <translation>पहले अस्वीकृति का कारण दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="317" />
        <source>Request #%1 approved: player %2 has a credit line of %3.</source>
        <translation>अनुरोध #%1 स्वीकृत: खिलाड़ी %2 की क्रेडिट सीमा %3 है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="321" />
        <source>Request #%1 for player %2 denied.</source>
        <translation>खिलाड़ी %2 का अनुरोध #%1 अस्वीकृत।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="334" />
        <source>%1 min</source>
        <translation>%1 मिनट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="336" />
        <source>%1 h</source>
        <translation>%1 घंटे</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="337" />
        <source>%1 days</source>
        <translation>%1 दिन</translation>
    </message>
</context>
<context>
    <name>CreditRequestDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="27" />
        <source>Credit request — player %1</source>
        <translation>क्रेडिट अनुरोध — खिलाड़ी %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="28" />
        <source>&lt;b&gt;Credit request&lt;/b&gt; for player &lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Current line %3 (%4)</source>
        <translation>खिलाड़ी &lt;b&gt;%1&lt;/b&gt; %2 के लिए &lt;b&gt;क्रेडिट अनुरोध&lt;/b&gt;&lt;br&gt;वर्तमान सीमा %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="31" />
        <source>approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="31" />
        <source>none approved</source>
        <translation>कोई स्वीकृत नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="35" />
        <source>Requested credit limit</source>
        <translation>अनुरोधित क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="37" />
        <source>Note for the floor manager</source>
        <translation>फ़्लोर मैनेजर के लिए टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="38" />
        <source>Why: a note for the floor manager (optional)</source>
        <translation>कारण: फ़्लोर मैनेजर के लिए टिप्पणी (वैकल्पिक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="39" />
        <source>Refusal</source>
        <translation>इनकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="41" />
        <source>File request (Enter)</source>
        <translation>अनुरोध भेजें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="43" />
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="49" />
        <source>Requested &amp;line</source>
        <translation>अनुरोधित सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="67" />
        <source>Enter the requested line.</source>
        <translation>अनुरोधित सीमा दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="75" />
        <source>Credit request #%1 for player %2 (%3) sent to the floor manager.</source>
        <translation>खिलाड़ी %2 का क्रेडिट अनुरोध #%1 (%3) फ़्लोर मैनेजर को भेजा गया।</translation>
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="23" />
        <source>Player %1 has %2; cannot take %3.</source>
        <translation>खिलाड़ी %1 के पास %2 है; %3 नहीं दिए जा सकते।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="25" />
        <source>Player %1 has no approved credit line.</source>
        <translation>खिलाड़ी %1 की कोई स्वीकृत क्रेडिट सीमा नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="27" />
        <source>Player %1 has %2 of credit available; cannot issue %3.</source>
        <translation>खिलाड़ी %1 के पास %2 क्रेडिट उपलब्ध है; %3 जारी नहीं किए जा सकते।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="29" />
        <source>The new limit %1 is below the %2 already drawn by player %3.</source>
        <translation>नई सीमा %1, खिलाड़ी %3 द्वारा पहले से लिए गए %2 से कम है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="31" />
        <source>Player %1 owes %2 in markers; cannot redeem %3.</source>
        <translation>खिलाड़ी %1 पर %2 के मार्कर बकाया हैं; %3 का भुगतान नहीं हो सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="33" />
        <source>Player %1 does not have enough cash for this.</source>
        <translation>इसके लिए खिलाड़ी %1 के पास पर्याप्त नकद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="34" />
        <source>There is no player “%1”.</source>
        <translation>“%1” नाम का कोई खिलाड़ी नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="35" />
        <source>Staff id or PIN not recognised.</source>
        <translation>कर्मचारी आईडी या पिन पहचाना नहीं गया।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="38" />
        <source>Staff id or PIN not recognised. The ledger is offline: only staff who have logged in on this terminal before can log in now.</source>
        <translation>कर्मचारी आईडी या पिन पहचाना नहीं गया। लेजर ऑफ़लाइन है: अभी केवल वे कर्मचारी लॉग इन कर सकते हैं जो पहले इस टर्मिनल पर लॉग इन कर चुके हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="41" />
        <source>Too many wrong PINs: %1 is locked for %2 minutes.</source>
        <translation>बहुत अधिक ग़लत पिन: %1 %2 मिनट के लिए लॉक है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="44" />
        <source>%1 is locked after too many wrong PINs; try again in %2 minutes or ask a supervisor to reset the PIN.</source>
        <translation>बहुत अधिक ग़लत पिन के बाद %1 लॉक है; %2 मिनट बाद फिर प्रयास करें या सुपरवाइज़र से पिन रीसेट करवाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="47" />
        <source>Terminal %1 has no open shift; open a shift before posting.</source>
        <translation>टर्मिनल %1 पर कोई शिफ़्ट खुली नहीं है; पोस्टिंग से पहले शिफ़्ट खोलें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="49" />
        <source>Terminal %1 has no open shift to close.</source>
        <translation>टर्मिनल %1 पर बंद करने के लिए कोई खुली शिफ़्ट नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="51" />
        <source>A posting can only be made under your own staff id.</source>
        <translation>पोस्टिंग केवल आपकी अपनी कर्मचारी आईडी से हो सकती है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="53" />
        <source>The ledger is offline: deposits above %1 cannot be taken until it is back (%2 asked).</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक %1 से अधिक जमा नहीं लिए जा सकते (%2 माँगे गए)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="57" />
        <source>The ledger is offline and this shift has taken %1 offline; the limit is %2, so at most %3 more can be taken.</source>
        <translation>लेजर ऑफ़लाइन है और इस शिफ़्ट ने %1 ऑफ़लाइन लिए हैं; सीमा %2 है, इसलिए अधिकतम %3 और लिए जा सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="60" />
        <source>The ledger is offline: withdrawals cannot be paid until it is back.</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक निकासी का भुगतान नहीं हो सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="62" />
        <source>The ledger is offline: withdrawals above %1 cannot be paid until it is back (%2 asked).</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक %1 से अधिक की निकासी नहीं दी जा सकती (%2 माँगे गए)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="65" />
        <source>The ledger is offline: credit cannot be issued, changed or redeemed until it is back.</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक क्रेडिट जारी, बदला या चुकाया नहीं जा सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="68" />
        <source>%1 of %2 is at or above %3: a floor manager or supervisor must approve with their PIN.</source>
        <translation>%2 की %1, %3 या उससे अधिक है: फ़्लोर मैनेजर या सुपरवाइज़र को अपने पिन से स्वीकृत करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="73" />
        <source>This takes the player's cash in this %1 to %2, over the reporting threshold of %3: record the player's identification (type and number); a CTR will be due.</source>
        <translation>इससे इस %1 में खिलाड़ी का नकद जमा %2 हो जाता है, जो %3 की रिपोर्टिंग सीमा से ऊपर है: खिलाड़ी की पहचान (प्रकार और संख्या) दर्ज करें; CTR देय होगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="79" />
        <source>This takes the player's cash out this %1 to %2, over the reporting threshold of %3: record the player's identification (type and number); a CTR will be due.</source>
        <translation>इससे इस %1 में खिलाड़ी की नकद निकासी %2 हो जाती है, जो %3 की रिपोर्टिंग सीमा से ऊपर है: खिलाड़ी की पहचान (प्रकार और संख्या) दर्ज करें; CTR देय होगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="82" />
        <source>The amount must be more than zero.</source>
        <translation>राशि शून्य से अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="83" />
        <source>Enter an amount.</source>
        <translation>राशि दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="84" />
        <source>That is not a number.</source>
        <translation>यह संख्या नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="85" />
        <source>Use the digits 0–9 only.</source>
        <translation>केवल 0–9 अंकों का प्रयोग करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="87" />
        <source>Amounts have at most two decimal places.</source>
        <translation>राशि में अधिकतम दो दशमलव स्थान होते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="89" />
        <source>Type the amount in full, without an exponent.</source>
        <translation>राशि पूरी लिखें, घातांक के बिना।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="91" />
        <source>%1 is above the per-transaction maximum of %2.</source>
        <translation>%1, प्रति लेन-देन अधिकतम %2 से ऊपर है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="98" />
        <source>Alert %1: the balance of player %2 disagrees with the ledger (failed: %3).</source>
        <translation>चेतावनी %1: खिलाड़ी %2 का शेष लेजर से मेल नहीं खाता (विफल: %3)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="99" />
        <source>Alert %1: the balance of player %2 disagrees with the ledger (failed: %3). It was changed without a posting at %4, by the database login “%5”.</source>
        <translation>चेतावनी %1: खिलाड़ी %2 का शेष लेजर से मेल नहीं खाता (विफल: %3)। इसे %4 पर बिना पोस्टिंग के डेटाबेस लॉगिन “%5” ने बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="101" />
        <source>Alert %1: the balance of player %2 disagrees with the ledger (failed: %3). It was changed without a posting at %4, by the database login “%5” from the computer %6.</source>
        <translation>चेतावनी %1: खिलाड़ी %2 का शेष लेजर से मेल नहीं खाता (विफल: %3)। इसे %4 पर बिना पोस्टिंग के डेटाबेस लॉगिन “%5” ने कंप्यूटर %6 से बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="106" />
        <source>cash matches ledger</source>
        <translation>नकद लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="107" />
        <source>credit matches ledger</source>
        <translation>क्रेडिट लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="108" />
        <source>balance is deposits minus withdrawals</source>
        <translation>शेष = जमा − निकासी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="109" />
        <source>deposits match ledger</source>
        <translation>जमा लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="110" />
        <source>withdrawals match ledger</source>
        <translation>निकासी लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="111" />
        <source>credit within limit</source>
        <translation>क्रेडिट सीमा के भीतर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="112" />
        <source>balance not negative</source>
        <translation>शेष ऋणात्मक नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="113" />
        <source>last hash matches ledger</source>
        <translation>अंतिम हैश लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="114" />
        <source>limit matches ledger</source>
        <translation>सीमा लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="115" />
        <source>approval matches ledger</source>
        <translation>स्वीकृति लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="116" />
        <source>balance check</source>
        <translation>शेष जाँच</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="166" />
        <source>month</source>
        <translation>महीने</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="167" />
        <source>gaming day</source>
        <translation>गेमिंग दिवस</translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="120" />
        <source>refused</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="121" />
        <source>invalid amount</source>
        <translation>अमान्य राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="122" />
        <source>invalid input</source>
        <translation>अमान्य प्रविष्टि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="123" />
        <source>insufficient funds</source>
        <translation>अपर्याप्त नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="124" />
        <source>credit limit exceeded</source>
        <translation>क्रेडिट सीमा पार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="125" />
        <source>credit not approved</source>
        <translation>क्रेडिट स्वीकृत नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="126" />
        <source>marker overpaid</source>
        <translation>मार्कर का अधिक भुगतान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="127" />
        <source>player not found</source>
        <translation>खिलाड़ी नहीं मिला</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="128" />
        <source>posting not found</source>
        <translation>पोस्टिंग नहीं मिली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="129" />
        <source>not reversible</source>
        <translation>उलटा नहीं जा सकता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="130" />
        <source>already reversed</source>
        <translation>पहले ही उलटा गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="131" />
        <source>idempotency conflict</source>
        <translation>आईडी टकराव</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="132" />
        <source>not authorized</source>
        <translation>अधिकार नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="133" />
        <source>authentication failed</source>
        <translation>पहचान विफल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="134" />
        <source>account locked</source>
        <translation>खाता लॉक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="135" />
        <source>approval required</source>
        <translation>स्वीकृति आवश्यक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="136" />
        <source>identification required</source>
        <translation>पहचान आवश्यक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="137" />
        <source>shift not open</source>
        <translation>शिफ़्ट खुली नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="138" />
        <source>shift error</source>
        <translation>शिफ़्ट त्रुटि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="139" />
        <source>currency mismatch</source>
        <translation>मुद्रा बेमेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="140" />
        <source>offline not allowed</source>
        <translation>ऑफ़लाइन अनुमति नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="141" />
        <source>in doubt</source>
        <translation>संदिग्ध</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="142" />
        <source>configuration error</source>
        <translation>विन्यास त्रुटि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="143" />
        <source>ledger unavailable</source>
        <translation>लेजर उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="35" />
        <source>Deposit</source>
        <translation>जमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="35" />
        <source>Withdrawal</source>
        <translation>निकासी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="36" />
        <source>Marker issue</source>
        <translation>मार्कर जारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="36" />
        <source>Marker redemption</source>
        <translation>मार्कर भुगतान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="37" />
        <source>Credit line</source>
        <translation>क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="37" />
        <source>Reversal</source>
        <translation>उलटाव</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="38" />
        <source>Adjustment (in)</source>
        <translation>समायोजन (जमा)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="38" />
        <source>Adjustment (out)</source>
        <translation>समायोजन (निकासी)</translation>
    </message>
</context>
<context>
    <name>PlayerHistoryDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="65" />
        <source>History of player %1</source>
        <translation>खिलाड़ी %1 का इतिहास</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="68" />
        <source>Identification on file: looking…</source>
        <translation>दर्ज पहचान: खोज रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="70" />
        <source>Identification on file</source>
        <translation>दर्ज पहचान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="73" />
        <source>&amp;From</source>
        <translation>से (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="76" />
        <source>From date</source>
        <translation>आरंभ तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="77" />
        <source>&amp;To</source>
        <translation>तक (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="80" />
        <source>To date</source>
        <translation>अंतिम तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="82" />
        <source>Transaction kind</source>
        <translation>लेन-देन का प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="83" />
        <source>All kinds</source>
        <translation>सभी प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="87" />
        <source>Shift number</source>
        <translation>शिफ़्ट संख्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="88" />
        <source>shift no.</source>
        <translation>शिफ़्ट सं.</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="90" />
        <source>&amp;Show (Enter)</source>
        <translation>दिखाएँ (&amp;S) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="98" />
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="98" />
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="98" />
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="98" />
        <source>Cash after</source>
        <translation>बाद में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="99" />
        <source>Markers after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="99" />
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="99" />
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="99" />
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="100" />
        <source>Transactions</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="101" />
        <source>◀ &amp;Newer</source>
        <translation>◀ नए (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="102" />
        <source>&amp;Older ▶</source>
        <translation>पुराने (&amp;O) ▶</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="107" />
        <source>Rows shown</source>
        <translation>दिखाई गई पंक्तियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="121" />
        <source>Requested</source>
        <translation>अनुरोध का समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="121" />
        <source>Line asked</source>
        <translation>माँगी गई सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="121" />
        <source>Asked by</source>
        <translation>किसने माँगा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="121" />
        <source>Why</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="122" />
        <source>Decision</source>
        <translation>निर्णय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="122" />
        <source>Decided by</source>
        <translation>निर्णयकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="122" />
        <source>Decided</source>
        <translation>निर्णय का समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="123" />
        <source>Line approved</source>
        <translation>स्वीकृत सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="123" />
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="124" />
        <source>Credit-line history</source>
        <translation>क्रेडिट सीमा का इतिहास</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="131" />
        <source>&amp;Transactions</source>
        <translation>लेन-देन (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="132" />
        <source>Credit &amp;line</source>
        <translation>क्रेडिट सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="133" />
        <source>&amp;Close (Esc)</source>
        <translation>बंद करें (&amp;C) (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="165" />
        <source>The shift number must be digits only.</source>
        <translation>शिफ़्ट संख्या में केवल अंक हों।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="213" />
        <source>No transactions match.</source>
        <translation>कोई लेन-देन मेल नहीं खाता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="215" />
        <source>Rows %1–%2 of %3</source>
        <translation>पंक्तियाँ %1–%2, कुल %3</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="227" />
        <source>Identification on file: none recorded.</source>
        <translation>दर्ज पहचान: कोई दर्ज नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="230" />
        <source>Identification on file: %1 %2, recorded %3 by %4.</source>
        <translation>दर्ज पहचान: %1 %2, %3 को %4 द्वारा दर्ज।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="239" />
        <source>No credit line has ever been requested.</source>
        <translation>कभी कोई क्रेडिट सीमा नहीं माँगी गई।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="243" />
        <source>pending</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="243" />
        <source>approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="244" />
        <source>denied</source>
        <translation>अस्वीकृत</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="60" />
        <source>Cashier cage</source>
        <translation>कैशियर केज</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="64" />
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="229" />
        <source>Cage receipt</source>
        <translation>केज रसीद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="66" />
        <source>OFFLINE — PENDING</source>
        <translation>ऑफ़लाइन — लंबित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="68" />
        <source>REPRINT</source>
        <translation>पुनर्मुद्रण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="69" />
        <source>Reprinted</source>
        <translation>पुनर्मुद्रित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="72" />
        <source>Receipt no.</source>
        <translation>रसीद सं.</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="73" />
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="74" />
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="75" />
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="76" />
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="77" />
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="80" />
        <source>Approved by</source>
        <translation>स्वीकृतकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="83" />
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="84" />
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="85" />
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="88" />
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="91" />
        <source>Cash on account after</source>
        <translation>बाद में खाते में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="89" />
        <source>pending — not yet posted</source>
        <translation>लंबित — अभी दर्ज नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="93" />
        <source>Markers outstanding after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="96" />
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="99" />
        <source>Taken while the ledger was unreachable; it will be posted when it is back. This receipt has no ledger code until then.</source>
        <translation>लेजर से संपर्क न होने पर लिया गया; संपर्क लौटने पर दर्ज होगा। तब तक इस रसीद का कोई लेजर कोड नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="102" />
        <source>Player's signature</source>
        <translation>खिलाड़ी के हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="103" />
        <source>Cashier's signature</source>
        <translation>कैशियर के हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="107" />
        <source>Scan the code to check this receipt against the ledger (cashier-desktop verify-receipt).</source>
        <translation>लेजर से इस रसीद की जाँच के लिए कोड स्कैन करें (cashier-desktop verify-receipt)।</translation>
    </message>
</context>
<context>
    <name>ReceiptCheck</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="28" />
        <source>Receipt code</source>
        <translation>रसीद कोड</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="29" />
        <source>Scan or paste a receipt's QR code (CDR1:…) and press Enter</source>
        <translation>रसीद का QR कोड (CDR1:…) स्कैन या पेस्ट करें और Enter दबाएँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="30" />
        <source>Chec&amp;k receipt</source>
        <translation>रसीद जाँचें (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="34" />
        <source>Receipt check result</source>
        <translation>रसीद जाँच का परिणाम</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="49" />
        <source>Checking the receipt against the ledger…</source>
        <translation>लेजर से रसीद की जाँच हो रही है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="56" />
        <source>Genuine: the ledger holds exactly this posting — %1 of %2 for player %3, %4.</source>
        <translation>असली: लेजर में ठीक यही पोस्टिंग है — खिलाड़ी %3 के लिए %2 की %1, %4।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="60" />
        <source>NOT GENUINE: the ledger holds no posting %1.</source>
        <translation>असली नहीं: लेजर में पोस्टिंग %1 नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="62" />
        <source>NOT GENUINE: the ledger's posting %1 differs from this receipt (its hash changed).</source>
        <translation>असली नहीं: लेजर की पोस्टिंग %1 इस रसीद से अलग है (उसका हैश बदल गया)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="65" />
        <source>ALTERED: the ledger's posting %1 was changed after it was posted; call the integrity officer.</source>
        <translation>बदली गई: लेजर की पोस्टिंग %1 दर्ज होने के बाद बदली गई; इंटीग्रिटी अधिकारी को बुलाएँ।</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="102" />
        <source>REPRINT — </source>
        <translation>पुनर्मुद्रण — </translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="103" />
        <source>Receipt %1</source>
        <translation>रसीद %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="112" />
        <source>Receipt</source>
        <translation>रसीद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="119" />
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>छापें… (&amp;P) (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="120" />
        <source>Save as P&amp;DF… (Ctrl+S)</source>
        <translation>PDF के रूप में सहेजें… (&amp;D) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="121" />
        <source>&amp;Close (Esc)</source>
        <translation>बंद करें (&amp;C) (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="170" />
        <source>Save receipt as PDF</source>
        <translation>रसीद को PDF के रूप में सहेजें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="171" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ShiftReport</name>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="17" />
        <source>open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="17" />
        <source>closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="18" />
        <source>signed off</source>
        <translation>हस्ताक्षरित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="35" />
        <source>%1 by %2</source>
        <translation>%1, %2 द्वारा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="36" />
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="37" />
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="38" />
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="39" />
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="40" />
        <source>Opened</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="41" />
        <source>Opening float</source>
        <translation>आरंभिक नकदी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="43" />
        <source>Figures</source>
        <translation>आँकड़े</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="44" />
        <source>shown after the closing count (blind count)</source>
        <translation>समापन गिनती के बाद दिखेंगे (ब्लाइंड गिनती)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="46" />
        <source>Closed</source>
        <translation>बंद की गई</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="47" />
        <source>Cash in</source>
        <translation>नकद आया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="48" />
        <source>Cash out</source>
        <translation>नकद गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="49" />
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="50" />
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="51" />
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="53" />
        <source>Count</source>
        <translation>गिनती</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="54" />
        <source>Signed off</source>
        <translation>हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="58" />
        <source>NOT YET — required (variance at or over the threshold)</source>
        <translation>अभी नहीं — आवश्यक (अंतर सीमा पर या उससे अधिक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="61" />
        <source>not yet</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="88" />
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="88" />
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="89" />
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="89" />
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="90" />
        <source>Drawer</source>
        <translation>दराज़</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="90" />
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="91" />
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="92" />
        <source>Shift report #%1</source>
        <translation>शिफ़्ट रिपोर्ट #%1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="93" />
        <source>Transactions (%1)</source>
        <translation>लेन-देन (%1)</translation>
    </message>
</context>
</TS>